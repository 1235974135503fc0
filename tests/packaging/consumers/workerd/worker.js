// A Cloudflare Worker receiving Seam webhooks.
import { DecodeError, verify, WebhookVerificationError } from "connect-webview-events";

export default {
  async fetch(request, env) {
    const body = await request.text(); // the raw body, before any JSON parsing
    try {
      const event = verify(body, request.headers, env.SEAM_WEBHOOK_SECRET);
      return Response.json({ event_type: event.event_type, connect_webview_id: event.connect_webview_id });
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
  },
};
