// Capteur SMTP local : reçoit les messages, les écrit dans .data/outbox/<horodatage>-<destinataire>.eml
// et affiche une ligne (destinataire, objet, code s'il y en a un). N'envoie rien nulle part.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

export interface MessageCapte {
  de: string;
  a: string[];
  objet: string;
  code?: string;
  fichier: string;
  brut: string;
}

export interface OptionsSmtp {
  /** Dossier de la boîte d'envoi. */
  dossier: string;
  /** Appelé pour chaque message reçu (par défaut : une ligne dans le terminal). */
  surMessage?: (m: MessageCapte) => void;
}

const TAILLE_MAX = 10 * 1024 * 1024;

/** Crée le serveur SMTP (non démarré). */
export function creerCapteurSmtp({ dossier, surMessage = afficher }: OptionsSmtp): Server {
  mkdirSync(dossier, { recursive: true });
  return createServer((socket) => {
    socket.setEncoding('utf8');
    let tampon = '';
    let enDonnees = false;
    let de = '';
    let a: string[] = [];
    let donnees: string[] = [];
    let taille = 0;
    const repondre = (l: string) => socket.write(`${l}\r\n`);
    repondre('220 capteur-smtp-local ESMTP pret');
    socket.on('error', () => {});
    socket.on('data', (morceau: string) => {
      tampon += morceau;
      let i: number;
      while ((i = tampon.indexOf('\r\n')) >= 0) {
        const ligne = tampon.slice(0, i);
        tampon = tampon.slice(i + 2);
        if (enDonnees) {
          if (ligne === '.') {
            enDonnees = false;
            if (taille > TAILLE_MAX) {
              repondre('552 Message trop volumineux');
            } else {
              const m = enregistrer(dossier, de, a, donnees.join('\r\n'));
              repondre('250 OK message enregistre');
              surMessage(m);
            }
            de = '';
            a = [];
            donnees = [];
            taille = 0;
          } else {
            taille += ligne.length;
            if (taille <= TAILLE_MAX) donnees.push(ligne.startsWith('..') ? ligne.slice(1) : ligne);
          }
          continue;
        }
        const commande = ligne.slice(0, 4).toUpperCase();
        if (commande === 'EHLO') {
          socket.write('250-capteur-smtp-local\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n');
        } else if (commande === 'HELO') repondre('250 capteur-smtp-local');
        else if (commande === 'MAIL') {
          de = ligne.match(/<([^>]*)>/)?.[1] ?? '';
          repondre('250 OK');
        } else if (commande === 'RCPT') {
          a.push(ligne.match(/<([^>]*)>/)?.[1] ?? '');
          repondre('250 OK');
        } else if (commande === 'DATA') {
          if (a.length === 0) repondre('503 Destinataire manquant');
          else {
            enDonnees = true;
            repondre('354 Terminez par <CRLF>.<CRLF>');
          }
        } else if (commande === 'RSET') {
          de = '';
          a = [];
          donnees = [];
          repondre('250 OK');
        } else if (commande === 'NOOP') repondre('250 OK');
        else if (commande === 'QUIT') {
          repondre('221 Au revoir');
          socket.end();
        } else repondre('502 Commande non prise en charge');
      }
    });
  });
}

function enregistrer(dossier: string, de: string, a: string[], brut: string): MessageCapte {
  const horodatage = new Date().toISOString().replace(/[:.]/g, '-');
  const destinataire = (a[0] ?? 'inconnu').replace(/[^a-zA-Z0-9@._-]/g, '_');
  let fichier = join(dossier, `${horodatage}-${destinataire}.eml`);
  for (let n = 1; ; n++) {
    try {
      writeFileSync(fichier, brut, { flag: 'wx' });
      break;
    } catch {
      fichier = join(dossier, `${horodatage}-${n}-${destinataire}.eml`);
    }
  }
  const { objet, corps } = lireMessage(brut);
  // Le code de connexion : 6 à 10 chiffres seuls (config.toml : auth.email.otp_length), balises HTML ôtées.
  const code = corps.replace(/<[^>]*>/g, ' ').match(/(?:^|\s)(\d{6,10})(?:\s|$)/)?.[1];
  return { de, a, objet, code, fichier, brut };
}

/** Objet décodé (mots encodés RFC 2047) et corps texte (quoted-printable ou base64) d'un message simple. */
export function lireMessage(brut: string): { objet: string; corps: string } {
  const [entetesBruts = '', ...reste] = brut.split(/\r?\n\r?\n/);
  const entetes = entetesBruts.replace(/\r?\n[ \t]+/g, ' ');
  const objetBrut = entetes.match(/^Subject:\s*(.*)$/im)?.[1] ?? '';
  const objet = objetBrut.replace(/\s*=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*/g, (_, _cs, enc: string, txt: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(txt, 'base64').toString('utf8') : decoderQp(txt.replace(/_/g, ' ')),
  );
  const encodage = entetes.match(/^Content-Transfer-Encoding:\s*(\S+)/im)?.[1]?.toLowerCase();
  let corps = reste.join('\n\n');
  if (encodage === 'quoted-printable') corps = decoderQp(corps);
  else if (encodage === 'base64') corps = Buffer.from(corps.replace(/\s+/g, ''), 'base64').toString('utf8');
  return { objet, corps };
}

function decoderQp(t: string): string {
  const s = t.replace(/=\r?\n/g, '');
  const octets: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      octets.push(parseInt(hex, 16));
      i += 2;
    } else octets.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(octets).toString('utf8');
}

function afficher(m: MessageCapte) {
  console.log(`[courriel] à ${m.a.join(', ')} : « ${m.objet} »${m.code ? ` — code ${m.code}` : ''}`);
}
