import { roadmapJsonSchema } from '../../schema/json-schema.js';
import type { CliIO } from '../run-command.js';

export function runSchema(io: CliIO): number {
  io.out(JSON.stringify(roadmapJsonSchema(), null, 2));
  return 0;
}
