// The README's Fetch-style handler (a Next.js route), verbatim between the two
// marked lines, so that endpoints.test.mjs runs exactly what users copy.
// TypeScript: the test strips the types with esbuild. Not a test itself.
/** The webviews the handler was told of, for the test to read. */
export const notified: string[] = [];
async function notifyRetry(id: string): Promise<void> {
  notified.push(id);
}
// --- README: Fetch ---
// app/api/webhooks/seam/route.ts
import { verify, DecodeError, WebhookVerificationError } from "connect-webview-events";

export async function POST(request: Request): Promise<Response> {
  const body = await request.text(); // the raw body, before any JSON parsing
  try {
    const event = verify(body, request.headers, process.env.SEAM_WEBHOOK_SECRET!);
    if (event.event_type === "connect_webview.login_failed") await notifyRetry(event.connect_webview_id);
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return Response.json(error, { status: 401 });
    if (error instanceof DecodeError) {
      // Authentic, but of a type this package does not decode: acknowledge it.
      if (error.issues.some((issue) => issue.code === "unknown_event_type")) return new Response(null, { status: 204 });
      // Authentic but invalid: a retry cannot fix it; Svix keeps it as failed.
      return Response.json(error, { status: 422, headers: { "webhook-delivery": "abort-message" } });
    }
    throw error;
  }
}
// --- end ---
