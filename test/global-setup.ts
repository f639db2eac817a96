// Compiles the lexicons into dist/data before the tests, so that tests always see the YAML as it is.
import { buildData } from '../src/build/build.js';

export default function setup(): void {
  buildData();
}
