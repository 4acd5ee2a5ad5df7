import net from 'node:net';
import { smtpEmailSender } from './email-sender';

/** A minimal SMTP server on loopback that records the messages it receives. */
function smtpServer(): Promise<{ port: number; messages: string[]; close(): Promise<void> }> {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (data) {
          if (line === '.') {
            data = false;
            socket.write('250 queued\r\n');
          } else {
            messages[messages.length - 1] += `${line}\n`;
          }
          continue;
        }
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'DATA') {
          data = true;
          messages.push('');
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        messages,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('the SMTP e-mail sender', () => {
  it('delivers subject and body to the recipient through the configured server', async () => {
    const server = await smtpServer();
    try {
      const sender = smtpEmailSender(`smtp://127.0.0.1:${server.port}?ignoreTLS=true`, 'Samverka <noreply@samverka.test>');
      await sender.send({
        to: 'socsek.norr@samverka.test',
        subject: 'Påminnelse: OA-2026-000001',
        body: 'Förhandsbedömning ska vara klar.',
      });
      expect(server.messages).toHaveLength(1);
      expect(server.messages[0]).toContain('To: socsek.norr@samverka.test');
      expect(server.messages[0]).toContain('OA-2026-000001');
    } finally {
      await server.close();
    }
  });
});
