// The Worker the test serves: worker.js for webhooks, and GET /probe for the
// checks that every runtime runs.
import worker from "./worker.js";
import { probe } from "./probe.js";

export default {
  async fetch(request, env) {
    if (request.method === "GET" && new URL(request.url).pathname === "/probe") return Response.json(probe());
    return worker.fetch(request, env);
  },
};
