import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Stands in for Gotenberg (PDF_ENGINE=gotenberg): answers every conversion with a one-page PDF at
 * once. For tests about processes and faults, where LibreOffice's seconds per document are not
 * what is tested and would only slow the notices down.
 */
export class FakeGotenberg {
  private server: Server | null = null;
  conversions = 0;
  url = '';

  async start(): Promise<this> {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    document.addPage().drawText('Konverterat dokument', { x: 50, y: 750, size: 14, font });
    const pdf = Buffer.from(await document.save());
    this.server = createServer((request, response) => {
      // The form's files are not read; the body is drained so that the client sees a complete exchange.
      request.resume();
      request.on('end', () => {
        this.conversions += 1;
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
