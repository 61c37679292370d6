/**
 * Who acts through a session, from whoami at sign-in: a user key's user (by email), or a business
 * key (by its description and id); or the holder of an access link (by their name, with the
 * link's role and who invited them). Never the key itself.
 */
export interface Actor {
  /** `link`: the holder of an access link, named with their role and who invited them. */
  kind: "user" | "key" | "link";
  id: string;
  name: string;
}
