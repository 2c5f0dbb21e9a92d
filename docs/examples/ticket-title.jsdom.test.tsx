// @vitest-environment jsdom
import {act, cleanup, render, screen} from '@testing-library/react';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {defineState, stateOf, stateVar} from 'page-state';
import {createTestRuntime, type TestRuntime} from 'page-state/testing';
import {usePageState} from '../recipes/react.js';

const Ticket = defineState('Ticket', {vars: {id: stateVar.string('', {urlKey: 'ticket'})}});

function TicketTitle() {
  const {id} = usePageState(Ticket);
  return <h1>{id ? `Ticket ${id}` : 'No ticket'}</h1>;
}

let runtime: TestRuntime;
beforeEach(() => (runtime = createTestRuntime({url: '/?ticket=T-1043'})));
afterEach(() => {
  cleanup();
  runtime.dispose();
});

it('renders the ticket of the URL', () => {
  render(<TicketTitle />);
  expect(screen.getByRole('heading').textContent).toBe('Ticket T-1043');
});

it('follows a change of the ticket, and the URL follows too', async () => {
  render(<TicketTitle />);
  act(() => stateOf(Ticket).set('id', 'T-2001'));
  expect(screen.getByRole('heading').textContent).toBe('Ticket T-2001');
  await runtime.settled();
  expect(runtime.url.search).toBe('?ticket=T-2001');
});
