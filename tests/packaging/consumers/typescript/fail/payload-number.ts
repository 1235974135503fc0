// expect: error TS2345: Argument of type 'number' is not assignable to parameter of type 'DecodePayload'.
import { decode } from "connect-webview-events";

decode(42);
