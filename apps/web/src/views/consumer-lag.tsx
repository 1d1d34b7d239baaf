import { useState } from 'react';
import type { ApiClient } from '@baoxun/api-client/api-client';
import { Empty, ErrorBox, Loading } from '../components/states';
import { load } from '../lib/api';
import { useLoad } from '../lib/use-load';

/** Each stage's durable consumers with what they still have to do (GET /v1/admin/consumers). */
export function ConsumerLag({ client }: { client: ApiClient }) {
  const [round, setRound] = useState(0);
  const consumers = useLoad(`consumers:${round}`, () => load(client.GET('/v1/admin/consumers')));
  const stages =
    consumers.state === 'ready'
      ? [...new Set(consumers.data.map((row) => row.stage))].map((stage) => {
          const rows = consumers.data.filter((row) => row.stage === stage);
          return { stage, pending: rows.reduce((sum, row) => sum + row.pending, 0), ackPending: rows.reduce((sum, row) => sum + row.ackPending, 0) };
        })
      : [];
  return (
    <section aria-labelledby="lag-heading">
      <h2 id="lag-heading">消费积压 Consumer lag</h2>
      <button type="button" className="secondary" onClick={() => setRound((n) => n + 1)}>
        刷新 Refresh
      </button>
      {consumers.state === 'loading' ? <Loading what="积压" /> : null}
      {consumers.state === 'error' ? <ErrorBox error={consumers.error} onRetry={consumers.reload} /> : null}
      {consumers.state === 'ready' && consumers.data.length === 0 ? <Empty>No durable consumers yet: the services have not started.</Empty> : null}
      {consumers.state === 'ready' && consumers.data.length > 0 ? (
        <>
          <ul className="stage-counts" aria-label="Messages waiting per stage">
            {stages.map((stage) => (
              <li key={stage.stage} className={stage.pending + stage.ackPending > 0 ? 'behind' : undefined}>
                {stage.stage}: <strong>{stage.pending}</strong> waiting, <strong>{stage.ackPending}</strong> in work
              </li>
            ))}
          </ul>
          <table className="data consumers">
            <caption className="visually-hidden">Durable consumers and their lag</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Consumer</th>
                <th scope="col">Stream</th>
                <th scope="col">Waiting</th>
                <th scope="col">In work</th>
                <th scope="col">Redelivered</th>
                <th scope="col">Idle pulls</th>
                <th scope="col">Last delivery</th>
              </tr>
            </thead>
            <tbody>
              {consumers.data.map((row) => (
                <tr key={`${row.stream}/${row.consumer}`} data-consumer={row.consumer}>
                  <td>{row.stage}</td>
                  <td>{row.consumer}</td>
                  <td>{row.stream}</td>
                  <td className="num">{row.pending}</td>
                  <td className="num">{row.ackPending}</td>
                  <td className="num">{row.redelivered}</td>
                  <td className="num">{row.waiting}</td>
                  <td>{row.lastActive ? row.lastActive.slice(0, 19).replace('T', ' ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
