import type { ChannelFormValues, ChannelInput } from "./settings";

/** The add-a-channel form's values as the route takes them. Free of zod: the page loads it at once. */
export const channelInputOf = ({ type, target }: ChannelFormValues): ChannelInput =>
  type === "email" ? { type, to: target.trim() } : { type, url: target.trim() };
