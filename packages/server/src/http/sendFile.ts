// A file, script or page sent as its bytes, not JSON. The route declares FileSchema as its
// response for OpenAPI; Fastify runs no serializer on a Buffer, or on a string whose
// Content-Type is not JSON, so the bytes go out as they are.
import type { FastifyReply } from 'fastify';

export function sendFile(reply: FastifyReply, data: Buffer | string): FastifyReply {
  return reply.send(data);
}
