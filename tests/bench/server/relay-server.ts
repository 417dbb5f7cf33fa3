// Bench baseline: a bare socket.io relay (no validation, no storage) that forwards each message to its pair and acks.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('join', (room: string) => void socket.join(room));
  socket.on('msg', (payload: { to: string; body: string }, ack?: (r: unknown) => void) => {
    io.to(payload.to).emit('msg', payload);
    ack?.({ ok: true, value: null });
  });
});
http.listen(0, '127.0.0.1', () => {
  const addr = http.address();
  process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });
});
process.on('message', (m: { type: string }) => {
  if (m.type === 'cpu') {
    const u = process.cpuUsage();
    process.send?.({ type: 'cpu', micros: u.user + u.system });
  }
  if (m.type === 'rss') process.send?.({ type: 'rss', rss: process.memoryUsage().rss });
  if (m.type === 'stop') io.close(() => process.exit(0));
});
