// Courriels du réseau : SMTP (nodemailer) vers SMTP_URL, expéditeur MAIL_FROM. Un transport par processus.
import nodemailer from 'nodemailer';
import { env } from './env.ts';

let transport: ReturnType<typeof nodemailer.createTransport> | undefined;
let urlTransport: string | undefined;

export interface Courriel {
  a: string;
  sujet: string;
  texte: string;
}

/** Envoie un courriel ; un échec d'envoi est rendu (false) et journalisé par l'appelant, l'action en base reste faite. */
export async function envoyerCourriel({ a, sujet, texte }: Courriel): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!transport || urlTransport !== SMTP_URL) {
    transport = nodemailer.createTransport(SMTP_URL);
    urlTransport = SMTP_URL;
  }
  try {
    await transport.sendMail({ from: MAIL_FROM, to: a, subject: sujet, text: texte });
    return true;
  } catch {
    return false;
  }
}
