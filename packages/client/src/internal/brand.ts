/**
 * `instanceof` across copies of this package: a class gets a `Symbol.for` brand on its prototype and a
 * `Symbol.hasInstance` that checks it, so an error from the CJS build is an instance of the ESM build's class.
 * @module
 */

const BRANDS = Symbol.for('brainstem-api-tools.error-brands');

type Branded = { [BRANDS]?: readonly string[] };

function brandsOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Branded)[BRANDS];
}

/** Installs the brand + `Symbol.hasInstance` on a class: instances of any copy of the class match. */
export function brand(cls: abstract new (...args: never[]) => unknown, name: string): void {
  Object.defineProperty(cls.prototype, BRANDS, {
    value: [...(brandsOf(Object.getPrototypeOf(cls.prototype)) ?? []), name],
    enumerable: false,
  });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value(this: unknown, inst: unknown): boolean {
      // A user's subclass inherits this static: give it the ordinary prototype check.
      if (this !== cls) return Function.prototype[Symbol.hasInstance].call(this, inst);
      return brandsOf(inst)?.includes(name) ?? false;
    },
  });
}
