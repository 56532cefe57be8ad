import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { creerCapteurSmtp, lireMessage, type MessageCapte } from './capteur.ts';

let dossier: string;
let port: number;
const recus: MessageCapte[] = [];
const serveur = () => creerCapteurSmtp({ dossier, surMessage: (m) => recus.push(m) });
let s: ReturnType<typeof serveur>;

beforeAll(async () => {
  dossier = mkdtempSync(join(tmpdir(), 'rbde-smtp-'));
  s = serveur();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  port = (s.address() as AddressInfo).port;
});
afterAll(() => {
  s.close();
  rmSync(dossier, { recursive: true, force: true });
});

describe('capteur SMTP local', () => {
  test('écrit chaque message dans la boîte d’envoi, objet accentué et code lisibles', async () => {
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${port}`);
    await transport.sendMail({ from: 'a@exemple.test', to: 'marie@exemple.test', subject: 'Votre code de connexion : 123456 — éàç', text: 'Voici le code :\n\n123456\n\nÀ bientôt, très cordialement ' + 'é'.repeat(100) });
    expect(recus).toHaveLength(1);
    expect(recus[0]).toMatchObject({ a: ['marie@exemple.test'], objet: 'Votre code de connexion : 123456 — éàç', code: '123456' });
    const fichiers = readdirSync(dossier);
    expect(fichiers).toHaveLength(1);
    expect(fichiers[0]).toMatch(/^\d{4}-\d{2}-\d{2}T.*-marie@exemple\.test\.eml$/);
    expect(readFileSync(join(dossier, fichiers[0]!), 'utf8')).toContain('Subject:');
  });

  test('deux messages à la même seconde donnent deux fichiers', async () => {
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${port}`);
    await Promise.all([1, 2].map((n) => transport.sendMail({ from: 'a@exemple.test', to: 'x@exemple.test', subject: `n${n}`, text: 'sans code' })));
    expect(readdirSync(dossier).filter((f) => f.endsWith('x@exemple.test.eml'))).toHaveLength(2);
    expect(recus.at(-1)?.code).toBeUndefined();
  });

  test('décode un corps quoted-printable', () => {
    const { objet, corps } = lireMessage('Subject: =?UTF-8?Q?=C3=A9t=C3=A9?=\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nL=C3=A0 : 654321=\r\n fin');
    expect(objet).toBe('été');
    expect(corps).toBe('Là : 654321 fin');
  });
});
