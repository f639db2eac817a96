/**
 * Whether the report is coloured. First match wins:
 * `--color` / `--no-color`; FORCE_COLOR (set and not `0` or `false`: on; `0` or `false`: off);
 * NO_COLOR (set and not empty: off); otherwise on exactly when the report goes to a terminal.
 * Only the stylish format has colours.
 */
export interface ColorChoice {
  /** `--color` (true) or `--no-color` (false); undefined when neither was given. */
  flag: boolean | undefined;
  env: Record<string, string | undefined>;
  /** The stream the report is written to is a terminal. */
  isTTY: boolean;
}

export function useColor({ flag, env, isTTY }: ColorChoice): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
