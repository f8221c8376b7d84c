/**
 * The signed fields of an Azure Storage shared access signature, checked against the values Azure documents: a SAS
 * whose fields Azure would refuse (a permission letter no service defines, a truncated IP address) signs nothing.
 */

/** Every permission letter of blob, file, queue, table and account SAS: read, add, create, write, delete, delete
 * version, permanent delete, list, tags, find, move, execute, ownership, permissions, immutability, update. */
const PERMISSIONS = /^[racwdxyltfmeopiu]+$/;
/** `sip`: one IPv4 address or a range of two; IPv6 is passed through. */
const IP_RANGE = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:-\d{1,3}(?:\.\d{1,3}){3})?|[0-9a-fA-F:.%-]*:[0-9a-fA-F:.%-]*)$/;

/** The value of query field `name` in `query` (`sp=r&st=...`), URL-decoded, or undefined when absent. */
function field(query: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|[?&])${name}=([^&]*)`).exec(query);
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

/** True unless a signed field Azure checks holds a value it would reject. */
export function hasValidSasFields(query: string): boolean {
  const permissions = field(query, 'sp');
  if (permissions !== undefined && !PERMISSIONS.test(permissions)) return false;
  const ip = field(query, 'sip');
  return ip === undefined || IP_RANGE.test(ip);
}
