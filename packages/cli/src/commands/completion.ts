import { MODEL_NAMES, MODELS, type ModelSpec } from 'brainstem-api-description';
import { IMPORT_TYPE_NAMES } from 'brainstem-api-tools/import';
import type { Command, Option } from 'commander';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { examples } from '../options.js';

const MODEL_COMMANDS = ['load', 'save', 'delete', 'action', 'models'];

/** `brainstem completion [bash|zsh]`: print a completion script generated from the command tree and registry. */
export function completionCommand(cmd: Command, ctx: Ctx, program: Command): Command {
  cmd.argument('[shell]', 'bash or zsh (default: from $SHELL)');
  examples(cmd, [
    'eval "$(brainstem completion bash)"     # add to ~/.bashrc',
    'eval "$(brainstem completion zsh)"      # add to ~/.zshrc (after compinit)',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expression, not a template
    'brainstem completion zsh > "${fpath[1]}/_brainstem"',
  ]);
  return cmd.action((shell: string | undefined) => {
    const which = shell ?? (ctx.io.env.SHELL ?? '').split('/').pop() ?? '';
    if (which === 'bash') ctx.io.out(bashScript(program));
    else if (which === 'zsh') ctx.io.out(zshScript(program));
    else throw new UsageError(`completion: shell must be bash or zsh, got "${shell ?? which}"`);
  });
}

interface CmdInfo {
  name: string;
  description: string;
  options: readonly Option[];
}

function commandsOf(program: Command): CmdInfo[] {
  return program.commands.map((c) => ({ name: c.name(), description: c.description(), options: c.options }));
}

function flags(options: readonly Option[]): string[] {
  return options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)));
}

function takesValue(o: Option): boolean {
  return o.required || o.optional;
}

function actionNames(): string[] {
  return [...new Set((MODELS as readonly ModelSpec[]).flatMap((m) => (m.actions ?? []).map((a) => a.name)))].sort();
}

/** A bash completion function for `brainstem`. */
export function bashScript(program: Command): string {
  const cmds = commandsOf(program);
  const global = program.options;
  const valueFlags = [...global, ...cmds.flatMap((c) => c.options)].filter(takesValue);
  const choiceCases = new Map<string, string>();
  for (const o of valueFlags) {
    const words = o.argChoices ? o.argChoices.join(' ') : '';
    for (const f of [o.long, o.short].filter(Boolean) as string[])
      if (!choiceCases.has(f) || words) choiceCases.set(f, words);
  }
  const cases = [...choiceCases.entries()]
    .map(([flag, words]) =>
      flag === '--data' || flag === '-d'
        ? `      ${flag}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;`
        : `      ${flag}) ${words ? `COMPREPLY=( $(compgen -W "${words}" -- "$cur") ); ` : ''}return ;;`,
    )
    .join('\n');
  const perCmd = cmds.map((c) => `      ${c.name}) opts="${flags(c.options).join(' ')}" ;;`).join('\n');
  return `# bash completion for brainstem. Load with: eval "$(brainstem completion bash)"
_brainstem() {
  local cur prev cmd opts i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local commands="${cmds.map((c) => c.name).join(' ')}"
  local models="${MODEL_NAMES.join(' ')}"
  local global="${flags(global).join(' ')} --help --version"
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  case "$prev" in
${cases}
  esac
  if [[ -z "$cmd" ]]; then
    COMPREPLY=( $(compgen -W "$commands $global" -- "$cur") ); return
  fi
  opts=""
  case "$cmd" in
${perCmd}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts $global --help" -- "$cur") ); return
  fi
  local n=0
  for ((i = i + 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) case "\${COMP_WORDS[i-1]}" in --*|-?) ;; *) n=$((n + 1)) ;; esac ;; esac
  done
  case "$cmd" in
    ${MODEL_COMMANDS.join('|')})
      if [[ $n -eq 0 ]]; then COMPREPLY=( $(compgen -W "$models" -- "$cur") );
      elif [[ "$cmd" == action && $n -eq 2 ]]; then COMPREPLY=( $(compgen -W "${actionNames().join(' ')}" -- "$cur") ); fi ;;
    import)
      if [[ $n -eq 0 ]]; then COMPREPLY=( $(compgen -W "types template ${IMPORT_TYPE_NAMES.join(' ')}" -- "$cur") ); return; fi
      local sub="" seen=""
      for ((i = 1; i < COMP_CWORD; i++)); do
        case "\${COMP_WORDS[i]}" in -*) ;; import) [[ -z "$seen" ]] && seen=1 || { sub=import; break; } ;; *) [[ -n "$seen" ]] && { sub="\${COMP_WORDS[i]}"; break; } ;; esac
      done
      if [[ $n -eq 1 && "$sub" == template ]]; then COMPREPLY=( $(compgen -W "${IMPORT_TYPE_NAMES.join(' ')}" -- "$cur") );
      elif [[ $n -eq 1 && "$sub" != types ]]; then COMPREPLY=( $(compgen -f -- "$cur") ); fi ;;
    export) if [[ $n -eq 0 ]]; then COMPREPLY=( $(compgen -W "${IMPORT_TYPE_NAMES.join(' ')}" -- "$cur") ); fi ;;
    completion) COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ) ;;
    help) COMPREPLY=( $(compgen -W "$commands" -- "$cur") ) ;;
  esac
}
complete -F _brainstem brainstem
`;
}

function zq(text: string): string {
  return text.replace(/[[\]]/g, '').replace(/'/g, "'\\''").replace(/:/g, '\\:');
}

function zshSpecs(options: readonly Option[]): string[] {
  return options.map((o) => {
    const names = [o.long, o.short].filter(Boolean) as string[];
    const head = names.length > 1 ? `'(${names.join(' ')})'{${names.join(',')}}` : `'${names[0]}`;
    const desc = `[${zq(o.description)}]`;
    let arg = '';
    if (takesValue(o)) {
      const what = (o.flags.match(/<([^>]+)>/)?.[1] ?? 'value').replace(/\.\.\./, '');
      if (o.argChoices) arg = `:${zq(what)}:(${o.argChoices.join(' ')})`;
      else if (o.long === '--data') arg = `:${zq(what)}:_files`;
      else arg = `:${zq(what)}:`;
    }
    return names.length > 1 ? `${head}'${desc}${arg}'` : `${head}${desc}${arg}'`;
  });
}

/** A zsh completion function (`#compdef brainstem`). */
export function zshScript(program: Command): string {
  const cmds = commandsOf(program);
  const global = zshSpecs(program.options);
  const cmdList = cmds.map((c) => `    '${c.name}:${zq(c.description)}'`).join('\n');
  const cases = cmds
    .map((c) => {
      const pos =
        c.name === 'action'
          ? [`'1:model:(${MODEL_NAMES.join(' ')})'`, `'2:id:'`, `'3:action:(${actionNames().join(' ')})'`]
          : MODEL_COMMANDS.includes(c.name)
            ? [`'1:model:(${MODEL_NAMES.join(' ')})'`]
            : c.name === 'import'
              ? [`'1:type:(types template ${IMPORT_TYPE_NAMES.join(' ')})'`, `'2:file:_files'`]
              : c.name === 'export'
                ? [`'1:type:(${IMPORT_TYPE_NAMES.join(' ')})'`]
                : c.name === 'completion'
                  ? [`'1:shell:(bash zsh)'`]
                  : c.name === 'help'
                    ? [`'1:command:(${cmds.map((x) => x.name).join(' ')})'`]
                    : [];
      const specs = [...zshSpecs(c.options), ...global, ...pos];
      return `        ${c.name})\n          _arguments -s \\\n            ${specs.join(' \\\n            ')}\n          ;;`;
    })
    .join('\n');
  return `#compdef brainstem
# zsh completion for brainstem. Load with: eval "$(brainstem completion zsh)" (after compinit)
_brainstem() {
  local context state state_descr line
  typeset -A opt_args
  local -a commands
  commands=(
${cmdList}
  )
  _arguments -C \\
    ${global.join(' \\\n    ')} \\
    '(-h --help)'{-h,--help}'[show help]' \\
    '(-V --version)'{-V,--version}'[print the version]' \\
    '1: :->command' \\
    '*:: :->args'
  case $state in
    command) _describe -t commands 'brainstem command' commands ;;
    args)
      case $words[1] in
${cases}
      esac
      ;;
  esac
}
if [[ "$funcstack[1]" = "_brainstem" ]]; then _brainstem "$@"; else compdef _brainstem brainstem; fi
`;
}
