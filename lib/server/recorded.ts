import "server-only";
import { endpointChanges, endpointFields, type EndpointFields } from "@/lib/activity/changes";
import { isShortUuid, type EndpointCreate, type EndpointUpdate } from "@/lib/closient";
import { endpointName } from "@/lib/endpoints/names";
import { noticeChangesElsewhere, rememberEndpoint } from "./changes-elsewhere";
import { endpointDirectory } from "./endpoint-directory";
import { activityLog } from "./portal-store";
import type { RouteInput } from "./route";
import { webhooks } from "./webhooks";

/*
 * The portal's changes to Closient, each on the activity log: begun before the call, completed
 * with its outcome after (lib/server/activity.ts). The API routes call these, never `webhooks`'s
 * changing operations directly. Nothing of a key or a secret goes into an entry: names, ids, the
 * fields an edit changed, and for a test or a replay its status (never the receiver's answer).
 */

const NOTHING: EndpointFields = { url: "", description: "", event_types: [], metadata: {}, is_active: true };

type Input = Pick<RouteInput, "caller" | "activity">;

export const recorded = {
  async createEndpoint({ caller, activity }: Input, body: EndpointCreate) {
    const result = await activityLog().around(
      activity,
      {
        action: "endpoint.created",
        target: { kind: "endpoint", id: null, name: body.description || body.url },
      },
      () => webhooks.createEndpoint(caller, body),
      ({ data }) => ({
        targetId: data.id,
        targetName: endpointName(data),
        changes: endpointChanges({ ...NOTHING, is_active: data.is_active }, endpointFields(data)),
      }),
    );
    await rememberEndpoint(activity.orgId, result.data);
    return result;
  },

  /** Pausing or resuming is its own action; any other edit is `endpoint.updated`, before and after. */
  async updateEndpoint({ caller, activity }: Input, id: string, body: EndpointUpdate) {
    const fields = Object.entries(body).filter(([, value]) => value !== undefined);
    const toggle =
      fields.length === 1 && fields[0]![0] === "is_active" && typeof body.is_active === "boolean";
    const before = toggle
      ? null
      : await webhooks.getEndpoint(caller, id).then(
          ({ data }) => data,
          () => null,
        );
    // What changed outside the portal since it last looked is its own entry, not part of this edit.
    if (before) await noticeChangesElsewhere(activity.orgId, [before]);
    const result = await activityLog().around(
      activity,
      {
        action: toggle ? (body.is_active ? "endpoint.resumed" : "endpoint.paused") : "endpoint.updated",
        target: { kind: "endpoint", id, name: before ? endpointName(before) : null },
      },
      () => webhooks.updateEndpoint(caller, id, body),
      ({ data }) => ({
        targetName: endpointName(data),
        ...(before ? { changes: endpointChanges(endpointFields(before), endpointFields(data)) } : {}),
      }),
    );
    await rememberEndpoint(activity.orgId, result.data);
    return result;
  },

  async rotateSecret({ caller, activity }: Input, id: string) {
    const result = await activityLog().around(
      activity,
      { action: "secret.rotated", target: { kind: "endpoint", id, name: null } },
      () => webhooks.rotateSecret(caller, id),
      ({ data }) => ({ targetName: endpointName(data) }),
    );
    // A rotation changes none of the fields compared: what differs was changed elsewhere before it.
    await noticeChangesElsewhere(activity.orgId, [result.data]);
    return result;
  },

  testEndpoint({ caller, activity }: Input, id: string) {
    return activityLog().around(
      activity,
      { action: "endpoint.tested", target: { kind: "endpoint", id, name: null } },
      () => webhooks.testEndpoint(caller, id),
      ({ data }) => ({ details: { status: data.status, http_status_code: data.http_status_code } }),
    );
  },

  /**
   * `endpointId` is what the page said the delivery belongs to (a header of the portal's own):
   * Closient's replay answer does not name it. It only files the entry under its endpoint.
   */
  async replayDelivery(
    { caller, activity }: Input,
    id: string,
    endpointId: string | null,
    bulkRun: string | null,
  ) {
    const endpoint = endpointId && isShortUuid(endpointId) ? endpointId : null;
    const name = endpoint
      ? (await endpointDirectory(caller, activity.orgId, [endpoint])).known.get(endpoint)
      : undefined;
    return activityLog().around(
      activity,
      {
        action: "delivery.replayed",
        target: { kind: "delivery", id, name: null },
        endpointId: endpoint,
        details: {
          endpoint_name: name ? endpointName(name) : null,
          ...(bulkRun ? { bulk_replay: bulkRun } : {}),
        },
      },
      () => webhooks.replayDelivery(caller, id),
      ({ data }) => ({
        details: {
          endpoint_name: name ? endpointName(name) : null,
          ...(bulkRun ? { bulk_replay: bulkRun } : {}),
          new_delivery_id: data.delivery_id,
          status: data.status,
          http_status_code: data.http_status_code,
        },
      }),
    );
  },
};
