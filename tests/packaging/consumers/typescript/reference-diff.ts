// The helpers of reference.ts (written by tests/packaging/typescript.test.mjs):
// the package's event types held to the reference's (`SeamEvent` of
// `@seamapi/types/connect`, zod's `z.infer` of its `seam_event`).

/** The member of a union of events with this `event_type`. */
export type Of<Events, Type> = Extract<Events, { event_type: Type }>;

/** true only when A and B are the same type: keys, optional, readonly, null, literals, at every depth. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type IsAny<T> = 0 extends 1 & T ? true : false;
type Nullable<T> = null extends T ? true : false;

/** A difference that Diff does not descend into (tsc prints it `Leaf<path, ours, reference>`): an enum literal more or less, another type. */
type Leaf<P extends string, A, B> = { path: P; ours: A; reference: B };

/**
 * Where A (ours) and B (the reference) differ: never when Equal<A, B>, else a
 * union of one object per difference, named by JSON Pointer (`/*` is every
 * item of an array), so that tsc's error says where and what. The type
 * arguments are wrapped in tuples so that unions are compared whole, never
 * member by member.
 */
export type Diff<A, B, P extends string = ""> =
  Equal<A, B> extends true
    ? never
    : [A] extends [never]
      ? { path: P; missing_in: "ours" }
      : [B] extends [never]
        ? { path: P; missing_in: "the reference" }
        : [IsAny<A> | IsAny<B>] extends [false]
          ? Nullable<A> extends Nullable<B>
            ? [NonNullable<A>, NonNullable<B>] extends [readonly (infer X)[], readonly (infer Y)[]]
              ? Diff<X, Y, `${P}/*`>
              : [NonNullable<A>] extends [readonly unknown[]]
                ? Leaf<P, A, B>
                : [NonNullable<B>] extends [readonly unknown[]]
                  ? Leaf<P, A, B>
                  : [NonNullable<A>, NonNullable<B>] extends [object, object]
                    ? KeyDiff<NonNullable<A>, NonNullable<B>, P>[(keyof NonNullable<A> | keyof NonNullable<B>) & string]
                    : Leaf<P, A, B>
            : { path: P; nullable: { ours: Nullable<A>; reference: Nullable<B> } }
          : Leaf<P, A, B>;

type Optional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;

/**
 * Diff of two object types, key by key: a key only one has, optional in one
 * only, or a value that differs. Diff indexes it by every key, so that tsc
 * prints the union of the differences itself, not the name of an alias.
 */
type KeyDiff<A, B, P extends string> = {
  [K in (keyof A | keyof B) & string]: K extends keyof A
    ? K extends keyof B
      ? Optional<A, K> extends Optional<B, K>
        ? Diff<A[K], B[K], `${P}/${K}`>
        : { path: `${P}/${K}`; optional: { ours: Optional<A, K>; reference: Optional<B, K> } }
      : { path: `${P}/${K}`; only_in: "ours" }
    : { path: `${P}/${K}`; only_in: "the reference" };
};

/** Compiles only when D is never; tsc's error prints D, each difference with its path. */
export declare function noDifference<D extends never>(): void;

/** Compiles only when A is assignable to B. */
export declare function assignable<A extends B, B>(): void;

/** Compiles only when T is not `any` (a reference that did not resolve). */
export declare function notAny<T>(proof: IsAny<T> extends true ? never : true): void;
