import { type FormEvent, type ReactNode, useState } from 'react';
import type { ApiClient, ApiSchemas } from '@baoxun/api-client/api-client';
import { Empty, ErrorBox, Loading } from '../components/states';
import { adminApi, load, LoadError, operatorKey } from '../lib/api';
import { useLoad } from '../lib/use-load';
import { ConsumerLag } from './consumer-lag';

type DeadLetter = ApiSchemas['DeadLetter'];
/** Letters the view reads at most (newest shown first). */
const MAX_LETTERS = 1_000;

function KeyForm({ onKey, failed }: { onKey: (key: string) => void; failed?: string }) {
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onKey(draft.trim());
  };
  return (
    <form className="key-form" onSubmit={submit}>
      <p>The operator view reads /v1/admin, which needs the api's key (npm start prints it). It is kept for this tab only.</p>
      {failed ? (
        <p className="state error" role="alert">
          {failed}
        </p>
      ) : null}
      <label htmlFor="api-key">API key</label>
      <input id="api-key" name="apiKey" type="password" autoComplete="off" value={draft} onChange={(event) => setDraft(event.target.value)} minLength={16} required />
      <button type="submit">进入 Open</button>
    </form>
  );
}

function LetterDetail({ client, seq, onReplayed }: { client: ApiClient; seq: number; onReplayed: (message: string) => void }) {
  const detail = useLoad(`letter:${seq}`, () => load(client.GET('/v1/admin/dead-letters/{seq}', { params: { path: { seq: String(seq) } } })));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const replay = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await load(client.POST('/v1/admin/dead-letters/{seq}/replay', { params: { path: { seq: String(seq) } }, body: {} }));
      onReplayed(`Dead letter ${result.seq} replayed to ${result.subject} (stream sequence ${result.publishedSeq}${result.duplicate ? ', a duplicate' : ''}).`);
    } catch (error) {
      setFailure(error instanceof LoadError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  if (detail.state === 'loading') return <Loading what="死信" />;
  if (detail.state === 'error') return <ErrorBox error={detail.error} onRetry={detail.reload} />;
  const letter = detail.data;
  const payload = letter.payloadJson !== undefined ? JSON.stringify(letter.payloadJson, null, 2) : (letter.payloadText ?? `(binary, ${letter.payloadBytes} bytes, base64)\n${letter.payloadBase64}`);
  return (
    <div className="letter-detail">
      <dl className="pairs">
        <dt>Subject</dt>
        <dd>{letter.subject}</dd>
        <dt>Reason</dt>
        <dd>{letter.reason}</dd>
        <dt>Deliveries</dt>
        <dd>{letter.deliveries}</dd>
        <dt>Failed</dt>
        <dd>{letter.failedAt}</dd>
        <dt>Headers</dt>
        <dd>{Object.entries(letter.headers).map(([name, values]) => `${name}: ${values.join(', ')}`).join('; ') || '—'}</dd>
      </dl>
      <pre className="payload" tabIndex={0} aria-label={`Payload of dead letter ${letter.seq}`}>
        {payload.length > 20_000 ? `${payload.slice(0, 20_000)}\n… (${payload.length - 20_000} more characters)` : payload}
      </pre>
      {failure ? (
        <p className="state error" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="button" onClick={() => void replay()} disabled={busy}>
        {busy ? '重放中… Replaying' : `重放 Replay #${letter.seq}`}
      </button>
    </div>
  );
}

function DeadLetters({ client }: { client: ApiClient }) {
  const [round, setRound] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The api lists oldest first, a page at a time; the operator wants the newest first, so read them all (up to a bound).
  const letters = useLoad(`letters:${round}`, async () => {
    const counts = load(client.GET('/v1/admin/dead-letters/counts'));
    const items: DeadLetter[] = [];
    let after: number | null = null;
    let total = 0;
    do {
      const page: ApiSchemas['DeadLetterPage'] = await load(client.GET('/v1/admin/dead-letters', { params: { query: { limit: 100, ...(after !== null ? { after } : {}) } } }));
      items.push(...page.items);
      total = page.total;
      after = page.nextAfter;
    } while (after !== null && items.length < MAX_LETTERS);
    return { page: { items: items.reverse(), total }, counts: await counts };
  });
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">死信 Dead letters</h2>
      {notice ? (
        <p className="state ok" role="status">
          {notice}
        </p>
      ) : null}
      <button type="button" className="secondary" onClick={() => setRound((n) => n + 1)}>
        刷新 Refresh
      </button>
      {letters.state === 'loading' ? <Loading what="死信" /> : null}
      {letters.state === 'error' ? <ErrorBox error={letters.error} onRetry={letters.reload} /> : null}
      {letters.state === 'ready' ? (
        <>
          <ul className="stage-counts" aria-label="Dead letters per stage">
            {Object.entries(letters.data.counts).map(([stage, count]) => (
              <li key={stage}>
                {stage}: <strong>{count}</strong>
              </li>
            ))}
          </ul>
          {letters.data.page.items.length === 0 ? (
            <Empty>没有死信。No dead letters: every message was processed.</Empty>
          ) : (
            <table className="data letters">
              <caption className="visually-hidden">Dead letters, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Failed</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {letters.data.page.items.map((letter: DeadLetter) => (
                  <LetterRow key={letter.seq} letter={letter} open={open === letter.seq} onToggle={() => setOpen(open === letter.seq ? null : letter.seq)}>
                    <LetterDetail
                      client={client}
                      seq={letter.seq}
                      onReplayed={(message) => {
                        setNotice(message);
                        setOpen(null);
                        setRound((n) => n + 1);
                      }}
                    />
                  </LetterRow>
                ))}
              </tbody>
            </table>
          )}
          {letters.data.page.total > letters.data.page.items.length ? <p className="note">Showing the oldest {letters.data.page.items.length} of {letters.data.page.total}, newest of them first; replay or discard some to see the rest.</p> : null}
        </>
      ) : null}
    </section>
  );
}

function LetterRow({ letter, open, onToggle, children }: { letter: DeadLetter; open: boolean; onToggle: () => void; children: ReactNode }) {
  return (
    <>
      <tr data-seq={letter.seq}>
        <td>{letter.seq}</td>
        <td>{letter.stage}</td>
        <td className="reason">{letter.reason}</td>
        <td>
          <time dateTime={letter.failedAt}>{letter.failedAt.slice(0, 19).replace('T', ' ')}</time>
        </td>
        <td>
          <button type="button" className="secondary" aria-expanded={open} onClick={onToggle}>
            {open ? '收起 Close' : `查看 Inspect #${letter.seq}`}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={5}>{children}</td>
        </tr>
      ) : null}
    </>
  );
}

export function OperatorView() {
  const [key, setKey] = useState(operatorKey.get);
  const client = key ? adminApi(key) : null;
  const check = useLoad(`check:${key}`, async () => (client ? load(client.GET('/v1/admin/dead-letters/counts')) : null));
  const forget = () => {
    operatorKey.set('');
    setKey('');
  };
  const rejected = check.state === 'error' && (check.error.status === 401 || check.error.status === 403);
  if (!key || !client || rejected) {
    return (
      <div className="operator">
        <h1>运维 Operator</h1>
        <KeyForm
          failed={rejected ? 'The api refused this key.' : undefined}
          onKey={(value) => {
            operatorKey.set(value);
            setKey(value);
          }}
        />
      </div>
    );
  }
  return (
    <div className="operator">
      <h1>运维 Operator</h1>
      <p>
        <button type="button" className="secondary" onClick={forget}>
          忘记密钥 Forget key
        </button>
      </p>
      {check.state === 'error' ? <ErrorBox error={check.error} onRetry={check.reload} /> : null}
      <ConsumerLag client={client} />
      <DeadLetters client={client} />
    </div>
  );
}
