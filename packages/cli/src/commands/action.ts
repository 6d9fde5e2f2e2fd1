import { checkId, checkPortal } from 'brainstem-api-tools';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { modelArg } from '../args.js';
import { type Ctx, createClient, type FormatOptions, type GlobalOptions, outputOptions } from '../context.js';
import { readData } from '../data.js';
import { UsageError } from '../errors.js';
import { formatBody } from '../format/index.js';
import { addFormatOptions, addPortalOption, examples, explainUsageError } from '../options.js';

interface ActionOptions extends FormatOptions {
  data?: string;
  method?: (typeof METHODS)[number];
  portal?: string;
}

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** `brainstem action MODEL ID ACTION`: the special record actions (add_entry, accept, join, …) from the registry. */
export function actionCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .argument('<model>', 'model name, e.g. subjectlog')
    .argument('<id>', 'record id')
    .argument('<action>', "action name (see 'brainstem models <model>')")
    .option('-d, --data <json>', "request body as JSON, '@file.json', or '-' for stdin")
    .addOption(
      new Option('--method <method>', 'HTTP method (default: the one the API documents)')
        .choices(METHODS) // listed in --help; the parser below checks (any case) in its place
        .argParser((v) => {
          const method = METHODS.find((m) => m === v.toUpperCase());
          if (!method) throw new InvalidArgumentError(`Allowed choices are ${METHODS.join(', ')}.`);
          return method;
        }),
    );
  addPortalOption(cmd);
  addFormatOptions(cmd, 'json');
  // save and delete take --id; here the id is an argument, and commander's "unknown option '--id'" does not say so.
  explainUsageError(cmd, (message, code) =>
    code === 'commander.unknownOption' && message.includes("'--id'")
      ? "unknown option '--id': the record id is an argument here (brainstem action <model> <id> <action>)"
      : undefined,
  );
  examples(cmd, [
    `brainstem action subjectlog <uuid> add_entry --data '{"date_time":"2024-01-01T10:00:00Z","notes":"weighed"}'`,
    'brainstem action projectmembershipinvitation <uuid> accept',
    'brainstem action group 12 join',
  ]);
  return cmd.action(async (name: string, rawId: string, action: string, o: ActionOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions & ActionOptions;
    const model = modelArg(name);
    const spec = model.actions?.find((a) => a.name === action);
    if (!spec) {
      const valid = (model.actions ?? []).map((a) => a.name);
      throw new UsageError(
        valid.length
          ? `unknown action "${action}" for ${model.name}; valid: ${valid.join(', ')}`
          : `${model.name} has no special actions`,
      );
    }
    // The record id is a positional argument here, not --id.
    ctx.flags = { id: 'ID' };
    const id = checkId(model, rawId);
    const portal = checkPortal(model, o.portal, action);
    const data = o.data !== undefined ? await readData(o.data, ctx.io) : undefined;
    if (Array.isArray(data)) throw new UsageError('--data for an action must be one JSON object');
    const client = createClient(ctx, g);
    const body = await client.action(model.name, id, action, {
      method: o.method ?? spec.method,
      portal,
      signal: ctx.signal,
      ...(data !== undefined ? { data } : {}),
    });
    const out = outputOptions(ctx, o);
    if (body === undefined || body === null || body === '') return;
    ctx.io.out(formatBody(body, model, out));
  });
}
