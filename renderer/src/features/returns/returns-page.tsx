/**
 * The Returns screen: one task per step with the stepper on top (find → choose → check → resolve →
 * confirm), the keys of the counter (Enter on, Esc back — nothing typed is lost —, F2 find sale,
 * F8 manager override, F9 commit and print), the receipt or return slip a scan hands over in the
 * URL (renderer/src/app/scan), drafts, and a sale's return history. Fields that take scans
 * (serial/IMEI, product barcodes) register themselves with useScanTarget.
 */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useHotkey } from '../../app/hotkeys-react';
import { CheckStep } from './check-step';
import { ChooseStep } from './choose-step';
import { CommitResultView } from './commit-result';
import { ConfirmStep } from './confirm-step';
import { FindStep } from './find-step';
import { OverrideDialog } from './override-dialog';
import { defaultResolution } from './resolutions';
import { ResolveStep } from './resolve-step';
import { ReturnDetailDialog } from './return-detail-dialog';
import { ReturnStepper } from './return-stepper';
import { SaleSummary } from './sale-summary';
import { StepFooter } from './step-footer';
import { useEnterKey } from './use-enter-key';
import { useReturnsHandOff } from './use-hand-off';
import { useReturnFlow, type ReturnFlow } from './use-return-flow';
import { useStoreTime } from './use-store-time';
import { checkComplete, chooseComplete, missingAnswers, pickedLines, STEPS, type StepId } from './work';

/** Page shown when the returns area is open. */
export function ReturnsPage() {
  const { t } = useTranslation();
  const flow = useReturnFlow();
  const { work, quote, commitState } = flow;
  const root = useRef<HTMLDivElement>(null);
  const [noReceiptOpen, setNoReceiptOpen] = useState(false);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<AppErrorValue | null>(null);
  const [focusSignal, setFocusSignal] = useState(0);
  const [hint, setHint] = useState<string | null>(null);
  /** Enter or F9 pressed while the quote was being refreshed: done as soon as it is current. */
  const [deferred, setDeferred] = useState<{ step: StepId; action: 'next' | 'commit' } | null>(null);

  const done = commitState.status === 'done';
  const sending = commitState.status === 'sending';
  const step = work.step;
  const q = quote.quote;
  const dialogOpen = overrideOpen || detailId !== null;

  const resolveReady =
    q !== null &&
    quote.current &&
    (q.commit === 'ready' || q.commit === 'needs_manager') &&
    !(work.resolution === 'exchange' && work.exchangeItems.length === 0);
  const canCommit =
    work.pending !== null || (resolveReady && q !== null && (q.commit === 'ready' || flow.override !== null));

  const complete = (s: StepId): boolean => {
    if (s === 'find') return work.source !== null;
    if (s === 'choose') return chooseComplete(work);
    if (s === 'check') return checkComplete(work, flow.facts);
    if (s === 'resolve') return resolveReady;
    return false;
  };

  const goTo = useCallback(
    (s: StepId) => {
      setHint(null);
      if (s === 'resolve' && work.resolution === null && q) flow.update({ resolution: defaultResolution(q) });
      flow.goTo(s);
    },
    [flow, q, work.resolution],
  );

  const quoting = quote.loading || (quote.input !== null && !quote.current);

  const next = () => {
    if (done || sending) return;
    if (step === 'confirm') {
      void commit();
      return;
    }
    if (!complete(step)) {
      if (step === 'resolve' && quoting) setDeferred({ step, action: 'next' });
      else setHint(statusText(flow, t) ?? null);
      return;
    }
    const i = STEPS.indexOf(step);
    const to = STEPS[i + 1];
    if (to) goTo(to);
  };

  const back = () => {
    if (done || sending) return;
    if (step === 'find') {
      if (noReceiptOpen) setNoReceiptOpen(false);
      return;
    }
    if (step === 'choose' && work.source?.kind === 'no_receipt') setNoReceiptOpen(true);
    const i = STEPS.indexOf(step);
    const to = STEPS[i - 1];
    if (to) goTo(to);
  };

  const commit = async () => {
    if (done || sending) return;
    if (!canCommit) {
      if (quoting && work.pending === null) setDeferred({ step, action: 'commit' });
      else setHint(statusText(flow, t) ?? null);
      return;
    }
    await flow.commit();
  };

  // A deferred Enter/F9 runs once the quote answers the request as it is now (or is dropped
  // when the clerk moved to another step meanwhile).
  useEffect(() => {
    if (!deferred) return;
    if (deferred.step !== step) {
      setDeferred(null);
      return;
    }
    if (quoting) return;
    setDeferred(null);
    if (deferred.action === 'commit') void commit();
    else next();
    // Re-evaluated whenever the quote or the step changes.
  }, [deferred, quoting, step, quote.forKey]);

  const f9 = () => {
    if (done || sending) return;
    if (step === 'confirm' || work.pending) {
      if (step !== 'confirm') goTo('confirm');
      void commit();
      return;
    }
    if (resolveReady && complete('check')) goTo('confirm');
    else setHint(statusText(flow, t) ?? null);
  };

  const f2 = () => {
    if (done) flow.startOver();
    else flow.goTo('find');
    setNoReceiptOpen(false);
    setFocusSignal((n) => n + 1);
  };

  const openOverride = () => {
    if (done) return;
    setOverrideOpen(true);
  };

  // On the find screen (nothing to approve or commit yet) F8/F9 stay with the shell's hints.
  const returnOpen = step !== 'find' || work.pending !== null;
  useHotkey('F2', f2);
  useHotkey('F8', openOverride, !done && returnOpen);
  useHotkey('F9', f9, done || returnOpen);
  useHotkey('Escape', back, !done && (step !== 'find' || noReceiptOpen));
  useEnterKey(root, next, !dialogOpen && !done);

  const openReceipt = useCallback(
    async (text: string) => {
      setLookupError(null);
      setNoReceiptOpen(false);
      const r = await flow.openReceipt(text);
      if (!r.ok) {
        flow.goTo('find');
        setLookupError(r.error);
      }
      return r;
    },
    [flow],
  );
  useReturnsHandOff({
    receipt: (receipt) => void openReceipt(receipt),
    document: (doc) => setDetailId(doc),
  });

  useEffect(() => setHint(null), [step, quote.forKey]);

  const receiptCaption =
    work.source?.kind === 'receipt'
      ? work.source.receiptNo
      : work.source?.kind === 'no_receipt'
        ? t('returnsUi.find.noReceipt')
        : undefined;
  const picked = pickedLines(work);

  return (
    <Box
      ref={root}
      data-area-page="returns"
      data-step={done ? 'done' : step}
      data-quoting={quoting}
      sx={{ maxWidth: 1280, mx: 'auto' }}
    >
      <Paper variant="outlined" sx={{ px: 2, py: 1.5, mb: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h4" component="h1" sx={{ whiteSpace: 'nowrap' }}>
            {t('returnsUi.title')}
          </Typography>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <ReturnStepper
              step={step}
              finished={done}
              captions={{
                find: receiptCaption,
                choose: picked.length > 0 ? picked.map((l) => flow.lineName(l.lineNo)).join(', ') : undefined,
                resolve:
                  work.resolution && STEPS.indexOf(step) > STEPS.indexOf('resolve')
                    ? t(`returnsUi.resolve.resolution.${work.resolution}`)
                    : undefined,
              }}
              reachable={() => !sending && work.pending === null}
              onStep={goTo}
            />
          </Box>
        </Stack>
      </Paper>
      {!done && step !== 'find' && (
        <Box sx={{ mb: 2 }}>
          <SaleSummary sale={flow.sale} source={work.source} />
        </Box>
      )}

      {done && commitState.status === 'done' ? (
        <CommitResultView
          result={commitState.result}
          onNewReturn={() => {
            flow.startOver();
            setFocusSignal((n) => n + 1);
          }}
        />
      ) : (
        <Box key={step}>
          {step === 'find' && (
            <FindStep
              openReceipt={openReceipt}
              onOpenReturn={setDetailId}
              resumeDraft={flow.resumeDraft}
              currentDraftId={flow.draft.draftId}
              startNoReceipt={(s) => {
                setNoReceiptOpen(false);
                flow.startNoReceipt(s);
              }}
              noReceiptOpen={noReceiptOpen}
              setNoReceiptOpen={setNoReceiptOpen}
              focusSignal={focusSignal}
              lookupError={lookupError}
              setLookupError={setLookupError}
            />
          )}
          {step === 'choose' && <ChooseStep flow={flow} onOpenReturn={setDetailId} />}
          {step === 'check' && <CheckStep flow={flow} />}
          {step === 'resolve' && <ResolveStep flow={flow} onOverride={openOverride} />}
          {step === 'confirm' && <ConfirmStep flow={flow} onOverride={openOverride} />}
        </Box>
      )}

      {!done && step !== 'find' && (
        <Box sx={{ position: 'sticky', bottom: -32, bgcolor: 'background.default', pb: 1, zIndex: 1 }}>
          <StepFooter
            onBack={work.pending ? undefined : back}
            onNext={step === 'confirm' ? undefined : next}
            nextDisabled={!complete(step)}
            onOverride={step === 'resolve' || step === 'confirm' ? openOverride : undefined}
            onCommit={step === 'confirm' ? () => void commit() : undefined}
            commitDisabled={!canCommit}
            committing={sending}
            status={<FooterStatus flow={flow} hint={hint} />}
          />
        </Box>
      )}
      {hint && (step === 'find' || done) && (
        <Typography role="status" color="warning.main" sx={{ mt: 2 }}>
          {hint}
        </Typography>
      )}

      <OverrideDialog
        open={overrideOpen}
        quote={q}
        request={flow.approvalRequest}
        onClose={() => setOverrideOpen(false)}
        onGranted={(g) => {
          flow.setOverride(g);
          setOverrideOpen(false);
        }}
      />
      <ReturnDetailDialog returnId={detailId} onClose={() => setDetailId(null)} />
    </Box>
  );
}

/** What the current step still needs, in words (null: nothing). */
function statusText(flow: ReturnFlow, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  const { work, quote } = flow;
  const q = quote.quote;
  switch (work.step) {
    case 'find':
      return null;
    case 'choose':
      if (pickedLines(work).length === 0) return t('returnsUi.choose.pickOne');
      return chooseComplete(work) ? null : t('returnsUi.choose.needReason');
    case 'check': {
      for (const l of pickedLines(work)) {
        const f = flow.facts(l.lineNo);
        if (!f) continue;
        if (l.grade === null) return `${flow.lineName(l.lineNo) ?? ''}: ${t('returnsUi.check.needGrade')}`;
        const m = missingAnswers(l, f);
        if (m.length > 0)
          return `${flow.lineName(l.lineNo) ?? ''}: ${t('returnsUi.check.missing', {
            items: m.map((id) => t(`returns.checklist.${id}`)).join(t('returnsUi.listSeparator')),
          })}`;
      }
      return null;
    }
    case 'resolve':
    case 'confirm':
      if (work.pending) return null;
      if (!q || !quote.current) return t('returnsUi.confirm.quoting');
      if (work.resolution === 'exchange' && work.exchangeItems.length === 0)
        return t('returnsUi.resolve.exchange.empty');
      if (q.commit === 'needs_manager' && !flow.override)
        return t('returnsUi.confirm.notReady', { what: t('returnsUi.confirm.needsOverride') });
      if (q.commit === 'incomplete' && q.exchange?.paymentTenderRequired)
        return t('returnsUi.resolve.exchange.payWith');
      return q.commit === 'ready' || q.commit === 'needs_manager' ? null : t(`returns.commit.${q.commit}`);
  }
}

function FooterStatus({ flow, hint }: { flow: ReturnFlow; hint: string | null }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const text = hint ?? statusText(flow, t);
  const d = flow.draft;
  return (
    <Stack spacing={0.25}>
      {text && (
        <Typography
          color={hint ? 'warning.main' : 'text.secondary'}
          sx={{ fontWeight: hint ? 500 : 400 }}
          data-testid="step-status"
        >
          {text}
        </Typography>
      )}
      <Typography
        variant="body2"
        color="text.secondary"
        data-testid="draft-status"
        data-up-to-date={d.upToDate}
      >
        {d.saving
          ? t('returnsUi.drafts.saving')
          : d.error
            ? t('returnsUi.drafts.saveFailed')
            : d.savedAt
              ? t('returnsUi.drafts.saved', { time: time(d.savedAt) })
              : ''}
      </Typography>
    </Stack>
  );
}
