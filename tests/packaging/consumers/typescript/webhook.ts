// Typed use of the package: narrowing by event_type, a Fetch-style webhook
// handler, the error classes and their codes. Must compile under --strict.
// Written for the two connect_webview events; decode and verify give any
// SeamEvent since every event type has its interface, so only what assumed
// that an event is one of those two changed (fromLog, roundTrip, fromBytes).
import {
  ConnectWebviewWebhook,
  decode,
  DecodeError,
  safeDecode,
  sign,
  signatureHeaders,
  verify,
  WebhookVerificationError,
  type ConnectWebviewEvent,
  type Issue,
  type IssueCode,
  type SeamEvent,
  type SeamEventType,
  type SignedHeaders,
  type WebhookVerificationErrorCode,
} from "connect-webview-events";

export function describe(event: ConnectWebviewEvent): string {
  switch (event.event_type) {
    case "connect_webview.login_succeeded":
      return `account ${event.connected_account_id} connected through ${event.connect_webview_id}`;
    case "connect_webview.login_failed":
      return `login failed in ${event.connect_webview_id}`;
    default: {
      const unreachable: never = event; // exactly two event types
      return unreachable;
    }
  }
}

export async function handleWebhook(request: Request, secret: string): Promise<Response> {
  const body = await request.text();
  try {
    const event = verify(body, request.headers, secret, { toleranceSeconds: 600 });
    if (event.event_type === "connect_webview.login_succeeded") {
      const metadata: Record<string, string | boolean> | undefined = event.connected_account_custom_metadata;
      return Response.json({ account: event.connected_account_id, metadata });
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      const code: WebhookVerificationErrorCode = error.code;
      return Response.json({ code }, { status: code === "invalid_secret" ? 500 : 401 });
    }
    if (error instanceof DecodeError) {
      const issues: Issue[] = error.issues;
      return Response.json(error.toJSON(), { status: issues.length > 0 ? 400 : 500 });
    }
    throw error;
  }
}

/** A SeamEvent narrows to the connect_webview union by its two types. */
export function describeAny(event: SeamEvent): string {
  return event.event_type === "connect_webview.login_succeeded" || event.event_type === "connect_webview.login_failed" ? describe(event) : event.event_type;
}

export function fromLog(text: string): SeamEventType | IssueCode[] {
  const result = safeDecode(text, { strict: true, maxBytes: 65_536 });
  return result.success ? result.data.event_type : result.error.issues.map((issue) => issue.code);
}

export function roundTrip(body: Uint8Array, secret: string): string {
  const headers: SignedHeaders = sign({ payload: body, secret, timestamp: new Date() });
  const webhook = new ConnectWebviewWebhook(secret, { toleranceSeconds: 60 });
  // What sign gives is headers as verify, signatureHeaders and fetch take them.
  const event = webhook.verify(body, headers, { now: new Date(), strict: true });
  verify(body, headers, secret);
  if (signatureHeaders(headers).id !== headers["webhook-id"]) throw new Error("unreachable");
  if (event.event_type === "connect_webview.login_failed") return event.connect_webview_id;
  if (event.event_type === "connect_webview.login_succeeded") return event.connected_account_id;
  return event.event_type; // any other Seam event
}

/** A signed test request to an endpoint, as the sign example in index.d.ts sends it. */
export function sendSigned(url: string, body: string, secret: string): Promise<Response> {
  const headers = sign({ payload: body, secret });
  return fetch(url, { method: "POST", body, headers });
}

export const fromBytes: SeamEvent = decode(new TextEncoder().encode("{}").buffer);
