/** The storage key prefix of an identity's partition: `page-state:<tag>:` (`page-state:` for
 * anonymous). No namespace name holds a `:`, so `page-state:<tag>:<name>` is never an anonymous key. */
export const partition = (tag: string | null | undefined): string => `page-state:${tag == null ? '' : `${tag}:`}`;
