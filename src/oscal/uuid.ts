/** Name-based (version 5) UUIDs, RFC 9562 §5.5: the same name always gives the same UUID. */
import { createHash } from 'node:crypto';

/** RFC 9562's URL namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Our namespace: every soc2-ready OSCAL UUID is derived from it. */
export const SOC2_READY_NAMESPACE = uuidV5('https://github.com/soc2-ready/soc2-ready/oscal', URL_NAMESPACE);
