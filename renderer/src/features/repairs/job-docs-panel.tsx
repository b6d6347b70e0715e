/**
 * The job's documents (intake receipt, shelf tag, pickup slip: preview and print), bench results and
 * customer messages. Messages go out offline: "Copy" writes the text to the clipboard (and only then
 * marks it copied; where the clipboard cannot be used it says so and selects the text for Ctrl+C),
 * "Print" queues it on the receipt printer and confirms, "Shown" records that it was shown.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { RepairJob } from '../../../../shared/contract/methods/repairs';
import { useApi } from '../../app/api-context';
import { ReceiptPreview } from '../../app/receipt-preview';

type Kind = 'intake' | 'tag' | 'pickup';
type Message = MethodOutput<'repairs.notifications'>[number];

/** Writes to the clipboard; false where there is none (insecure page, no permission, old browser). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects a message's text on the page, so Ctrl+C copies it by hand. */
function selectMessage(id: number): void {
  const el = document.querySelector(`[data-message-text="${id}"]`);
  const sel = window.getSelection();
  if (!el || !sel) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  sel.removeAllRanges();
  sel.addRange(range);
}
const KIND_LABEL: Record<Kind, string> = {
  intake: 'repairsUi.job.slipIntake',
  tag: 'repairsUi.job.slipTag',
  pickup: 'repairsUi.job.slipPickup',
};

/** The panel; `initial` opens one document at once (after intake: the receipt). */
export function JobDocsPanel({ job, initial }: { job: RepairJob; initial?: Kind }) {
  const { t } = useTranslation();
  const api = useApi();
  const [kind, setKind] = useState<Kind | null>(initial ?? null);
  const [doc, setDoc] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [said, setSaid] = useState<{ id: number; ok: boolean; text: string } | null>(null);
  const [results, setResults] = useState<MethodOutput<'bench.results'>>([]);
  const [messages, setMessages] = useState<MethodOutput<'repairs.notifications'>>([]);
  const kinds: Kind[] = job.status === 'picked_up' ? ['intake', 'tag', 'pickup'] : ['intake', 'tag'];

  useEffect(() => {
    void api.call('bench.results', { jobId: job.id }).then((r) => r.ok && setResults(r.value));
    void api.call('repairs.notifications', { jobId: job.id }).then((r) => r.ok && setMessages(r.value));
  }, [api, job]);
  useEffect(() => {
    if (!kind) return;
    void api.call('repairs.slip', { jobId: job.id, kind }).then((r) => r.ok && setDoc(r.value.html));
  }, [api, job, kind]);

  const print = async (k: Kind) => {
    const r = await api.call('repairs.slip', { jobId: job.id, kind: k, print: true });
    setNote(r.ok ? t('repairsUi.job.printed') : null);
  };
  const refresh = async () => {
    const r = await api.call('repairs.notifications', { jobId: job.id });
    if (r.ok) setMessages(r.value);
  };
  const mark = async (m: Message, how: 'shown' | 'copied' | 'printed') => {
    setSaid(null);
    if (how === 'copied') {
      const copied = await copyText(m.text);
      if (!copied) {
        selectMessage(m.id);
        setSaid({ id: m.id, ok: false, text: t('repairsUi.job.clipboardUnavailable') });
        return;
      }
    }
    const r = await api.call('repairs.markNotificationShown', { id: m.id, how });
    if (how === 'copied') setSaid({ id: m.id, ok: true, text: t('repairsUi.job.copiedDone') });
    if (how === 'printed' && r.ok) setSaid({ id: m.id, ok: true, text: t('repairsUi.job.messagePrinted') });
    await refresh();
  };

  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
          {t('repairsUi.job.tests')}
        </Typography>
        {results.length === 0 ? (
          <Typography color="text.secondary">{t('repairsUi.job.noTests')}</Typography>
        ) : (
          results.map((r) => (
            <Stack
              key={r.id}
              direction="row"
              spacing={1}
              sx={{ alignItems: 'center' }}
              data-result={r.verdict}
            >
              <Chip
                size="small"
                color={r.verdict === 'pass' ? 'success' : 'error'}
                label={t(`repairs.slip.${r.verdict}`)}
              />
              <Typography>{`#${r.stepIndex + 1} · ${r.display}${r.manual ? ` · ${t('bench.manual')}` : ''} · ${t('bench.attempt', { attempt: r.attempt })}`}</Typography>
            </Stack>
          ))
        )}
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
          {t('repairsUi.job.slips')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {kinds.map((k) => (
            <Stack key={k} direction="row">
              <Button
                variant={kind === k ? 'contained' : 'outlined'}
                onClick={() => setKind(k)}
                sx={{ minHeight: 48 }}
                data-slip={k}
              >
                {t(KIND_LABEL[k])}
              </Button>
              <Button onClick={() => void print(k)} sx={{ minHeight: 48, whiteSpace: 'nowrap' }}>
                {t('repairsUi.job.print')}
              </Button>
            </Stack>
          ))}
        </Stack>
        {note && <Typography color="success.main">{note}</Typography>}
        {kind && doc && (
          <ReceiptPreview
            html={doc}
            title={t(KIND_LABEL[kind])}
            testId={`repair-slip-${kind}`}
            height={520}
          />
        )}
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
          {t('repairsUi.job.notifications')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('repairsUi.job.notifyChannel')}
        </Typography>
        {messages.map((m) => (
          <Stack
            key={m.id}
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center' }}
            data-notification={m.status}
          >
            <Chip size="small" label={t(`repairs.notify.status.${m.status}`)} />
            <Typography sx={{ flex: 1, userSelect: 'text' }} data-message-text={m.id}>
              {m.text}
            </Typography>
            {m.status === 'queued' &&
              (['shown', 'copied', 'printed'] as const).map((how) => (
                <Button key={how} size="small" onClick={() => void mark(m, how)} data-mark={how}>
                  {t(`repairsUi.job.mark${how[0]?.toUpperCase()}${how.slice(1)}`)}
                </Button>
              ))}
          </Stack>
        ))}
        {said && (
          <Alert
            severity={said.ok ? 'success' : 'warning'}
            role="status"
            data-testid="notification-said"
            onClose={() => setSaid(null)}
          >
            {said.text}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
