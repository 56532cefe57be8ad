// Courriels des fonctions : SMTP par nodemailer (relais de l'académie en production, capteur local de
// « npm start » et des tests). Un transport par processus, créé au premier envoi.
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from './env.ts';

export interface Courriel {
  a: string;
  objet: string;
  texte: string;
  /** Pièces jointes (ex. le .ics de l'inscription). */
  pieces?: { nom: string; type: string; contenu: string }[];
  /** En-têtes de plus (ex. List-Unsubscribe du résumé de la bourse). */
  entetes?: Record<string, string>;
}

export interface Mailer {
  envoyer(c: Courriel): Promise<void>;
}

let transport: Transporter | undefined;

/** Le mailer SMTP configuré par SMTP_URL et MAIL_FROM. */
export const mailerSmtp: Mailer = {
  async envoyer(c) {
    const e = env();
    transport ??= nodemailer.createTransport(e.SMTP_URL);
    await transport.sendMail({
      from: e.MAIL_FROM,
      to: c.a,
      subject: c.objet,
      text: c.texte,
      headers: c.entetes,
      attachments: c.pieces?.map((p) => ({ filename: p.nom, content: p.contenu, contentType: p.type, contentTransferEncoding: 'base64' as const })),
    });
  },
};

/** Pour les tests : oublie le transport (le port SMTP a changé). */
export function oublierTransport() {
  transport?.close();
  transport = undefined;
}
