// Sends a 文书 PDF: inline (the browser's viewer prints it), named by its title and 文号, with
// its SHA-256 so a recipient can check the bytes against the case record.
import type { Response } from 'express';
import type { DocumentRecord } from '../lib/repositories/documents.js';

export function sendDocumentPdf(res: Response, document: DocumentRecord, pdf: Buffer): void {
  const name = `${document.title}-${document.documentNumber}.pdf`;
  res.set({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="document-${document.id}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Document-Sha256': document.sha256,
    'Cache-Control': 'private, no-store',
  });
  res.send(pdf);
}
