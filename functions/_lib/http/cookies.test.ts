import { describe, expect, test } from 'vitest';
import { ecrireCookie, lireCookie, ouvrir, sceller } from './cookies.ts';

const k1 = Buffer.alloc(32, 1).toString('base64');
const k2 = Buffer.alloc(32, 2).toString('base64');

describe('cookies scellés', () => {
  test('chiffre : le contenu n’est pas lisible, et se relit avec la clé', () => {
    const v = sceller({ email: 'alice@exemple.test', jeton: 'eyJabc' }, [k1], 'c');
    expect(v).not.toMatch(/alice|eyJ/);
    expect(Buffer.from(v.split('.')[2]!, 'base64url').toString('latin1')).not.toContain('alice');
    expect(ouvrir(v, [k1], 'c')).toEqual({ email: 'alice@exemple.test', jeton: 'eyJabc' });
  });

  test('rotation : la première clé chiffre, les suivantes déchiffrent encore', () => {
    const ancien = sceller({ n: 1 }, [k1], 'c');
    expect(ouvrir(ancien, [k2, k1], 'c')).toEqual({ n: 1 });
    expect(ouvrir(sceller({ n: 2 }, [k2, k1], 'c'), [k2], 'c')).toEqual({ n: 2 });
    expect(ouvrir(ancien, [k2], 'c')).toBeNull();
  });

  test('refuse une valeur altérée, tronquée, d’un autre cookie ou d’une autre version', () => {
    const v = sceller({ n: 1 }, [k1], 'c');
    const [ver, iv, chiffre, tag] = v.split('.') as [string, string, string, string];
    const bascule = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect(ouvrir([ver, iv, bascule(chiffre), tag].join('.'), [k1], 'c')).toBeNull();
    expect(ouvrir([ver, iv, chiffre, bascule(tag)].join('.'), [k1], 'c')).toBeNull();
    expect(ouvrir([ver, iv, chiffre].join('.'), [k1], 'c')).toBeNull();
    expect(ouvrir(v, [k1], 'autre')).toBeNull();
    expect(ouvrir(['v0', iv, chiffre, tag].join('.'), [k1], 'c')).toBeNull();
    expect(ouvrir('nimportequoi', [k1], 'c')).toBeNull();
  });

  test('Set-Cookie : HttpOnly, Secure, SameSite=Lax, Path=/, sans Domain', () => {
    expect(ecrireCookie('__Host-x', 'v', 60)).toBe('__Host-x=v; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=60');
  });

  test('Set-Cookie lisible (témoin de connexion) : le même sans HttpOnly', () => {
    expect(ecrireCookie('__Host-x', '1', 60, { lisible: true })).toBe('__Host-x=1; Path=/; Secure; SameSite=Lax; Max-Age=60');
  });

  test('lit le bon cookie parmi plusieurs, sans confondre les préfixes', () => {
    const req = new Request('http://localhost/', { headers: { cookie: 'rbde_session=vieux; __Host-rbde_session=bon; autre=1' } });
    expect(lireCookie(req, '__Host-rbde_session')).toBe('bon');
    expect(lireCookie(req, 'absent')).toBeNull();
  });
});
