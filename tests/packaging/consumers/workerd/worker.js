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
      if (error instanceof DecodeError) return Response.json(error, { status: 400 });
      throw error;
    }
  },
};
