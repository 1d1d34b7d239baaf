import { BaseRpcContext } from '@nestjs/microservices';
import type { JsMsg, Msg } from 'nats';

/** What a JetStream event handler can see of its message besides the payload. */
export class JetStreamContext extends BaseRpcContext<[JsMsg, string]> {
  getMessage(): JsMsg {
    return this.args[0];
  }
  getCorrelationId(): string {
    return this.args[1];
  }
  getDeliveryCount(): number {
    return this.args[0].info.deliveryCount;
  }
}

/** What a request/reply handler can see of its request. */
export class RequestContext extends BaseRpcContext<[Msg]> {
  getMessage(): Msg {
    return this.args[0];
  }
}
