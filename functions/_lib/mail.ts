// Courriels du hub (invitation, rappel annuel) : SMTP par nodemailer, vers SMTP_URL (en local, le capteur de npm start).
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from './env.ts';

export interface Courriel {
  /** Destinataire. */
  a: string;
  /** Objet, en français. */
  sujet: string;
  /** Corps en texte brut. */
  texte: string;
}

export interface Mailer {
  envoyer(courriel: Courriel): Promise<void>;
}

let transport: Transporter | undefined;

/** Le mailer SMTP (un transport par instance de fonction). */
export function creerMailer(): Mailer {
  return {
    async envoyer({ a, sujet, texte }) {
      const e = env();
      transport ??= nodemailer.createTransport(e.SMTP_URL);
      await transport.sendMail({ from: e.MAIL_FROM, to: a, subject: sujet, text: texte });
    },
  };
}
