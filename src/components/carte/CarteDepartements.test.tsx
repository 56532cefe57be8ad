import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import CarteDepartements from './CarteDepartements.tsx';

afterEach(cleanup);
const organisations = (n: number) => `${n} organisation${n > 1 ? 's' : ''}`;

test('chaque département est un bouton avec son nom et son nombre, le tableau dit la même chose, un clic filtre', () => {
  const choisir = vi.fn();
  render(<CarteDepartements comptes={{ '11': 3, '34': 12 }} selection="" choisir={choisir} unite={organisations} tableau="Organisations par département" />);
  for (const nom of [
    'Aude (11) : 3 organisations',
    'Gard (30) : 0 organisation',
    'Hérault (34) : 12 organisations',
    'Lozère (48) : 0 organisation',
    'Pyrénées-Orientales (66) : 0 organisation',
  ]) {
    expect(screen.getByRole('button', { name: nom })).toBeTruthy();
  }
  const tableau = screen.getByRole('table', { name: 'Organisations par département' });
  expect([...tableau.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual([
    'Aude (11)3',
    'Gard (30)0',
    'Hérault (34)12',
    'Lozère (48)0',
    'Pyrénées-Orientales (66)0',
  ]);
  expect(document.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
  fireEvent.click(screen.getByRole('button', { name: 'Hérault (34) : 12 organisations' }));
  expect(choisir).toHaveBeenCalledWith('34');
});

test('sans légende de tableau, pas de tableau (l’annuaire)', () => {
  render(<CarteDepartements comptes={{}} selection="34" choisir={() => {}} unite={String} />);
  expect(screen.queryByRole('table')).toBeNull();
  expect(screen.getByRole('button', { name: 'Hérault (34) : 0' }).getAttribute('aria-pressed')).toBe('true');
});
