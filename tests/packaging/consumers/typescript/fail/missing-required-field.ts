// expect: error TS2741: Property 'device_id' is missing in type '{ event_type: "device.connected"; event_id: string; workspace_id: string; connected_account_id: string; created_at: string; occurred_at: string; }' but required in type 'DeviceConnectedEvent'.
import type { DeviceConnectedEvent } from "connect-webview-events";

export const connected: DeviceConnectedEvent = {
  event_type: "device.connected",
  event_id: "00000000-0000-0000-0000-000000000000",
  workspace_id: "00000000-0000-0000-0000-000000000000",
  connected_account_id: "00000000-0000-0000-0000-000000000000",
  created_at: "2025-01-01T00:00:00.000Z",
  occurred_at: "2025-01-01T00:00:00.000Z",
};
