/**
 * Loaded with `node --import` into a child service: records every module the process resolves
 * (ESM and require alike) and writes the list to `GML_IMPORTS_OUT` on exit.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const seen = new Set<string>();
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    seen.add(resolved.url);
    return resolved;
  },
});
process.on('exit', () => {
  writeFileSync(process.env['GML_IMPORTS_OUT']!, [...seen].join('\n'));
});
