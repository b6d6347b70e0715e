/**
 * A simulated ESC/POS receipt printer for demo mode and tests. It consumes the bytes a driver
 * sends, keeps every byte, decodes them with the ESC/POS decoder (the "paper"), answers DLE EOT
 * queries and sends ASB frames (after GS a) as a real printer does. It can be put out of paper,
 * cover open, offline, in error, or made silent (answers nothing). While it cannot print, what it
 * receives is held and prints once the condition clears, like a printer's receive buffer.
 */
import type { PrinterConditionFlags } from '../../../shared/domain/receipt/printer-status';
import { Listeners } from '../../../shared/listeners';
import type { ByteTransport } from '../transport/types';
import { EscPosStreamDecoder, decodedToPlainText, type DecodedItem } from './escpos-decoder';
import { asbFrameFor, realtimeBytesFor, type DrawerOpenLevel } from './escpos-status';

export interface SimulatedPrinterCondition {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** Offline for another reason (e.g. the operator pressed the offline switch). */
  offline: boolean;
  /** Autocutter error. */
  error: boolean;
  drawerOpen: boolean;
}

export interface SimulatedPrinterOptions {
  /** Columns of the paper for screen() (default 48, an 80 mm printer). */
  columns?: number;
  drawerOpenLevel?: DrawerOpenLevel;
}

const READY: SimulatedPrinterCondition = {
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
  offline: false,
  error: false,
  drawerOpen: false,
};

/** A simulated ESC/POS printer; wire it to a transport end with connect(). */
export class SimulatedEscPosPrinter {
  readonly columns: number;
  /** When true the printer answers no status query (a dead back channel). */
  silent = false;
  private readonly drawerOpenLevel: DrawerOpenLevel;
  private decoder = new EscPosStreamDecoder();
  private chunks: Uint8Array[] = [];
  private total = 0;
  private cond: SimulatedPrinterCondition = { ...READY };
  private asbMask = 0;
  private printedItems: DecodedItem[] = [];
  private heldItems: DecodedItem[] = [];
  private statusQueries = 0;
  private readonly outputListeners = new Listeners<Uint8Array>();

  constructor(options: SimulatedPrinterOptions = {}) {
    this.columns = options.columns ?? 48;
    this.drawerOpenLevel = options.drawerOpenLevel ?? 'low';
  }

  /** The current condition. */
  get condition(): Readonly<SimulatedPrinterCondition> {
    return this.cond;
  }

  /** Every byte received so far, in order. */
  get bytes(): Uint8Array {
    const all = new Uint8Array(this.total);
    let offset = 0;
    for (const c of this.chunks) {
      all.set(c, offset);
      offset += c.length;
    }
    return all;
  }

  /** What has come out on paper: text lines, QR codes, cuts, drawer kicks (decoder items). */
  get printed(): readonly DecodedItem[] {
    return this.printedItems;
  }

  /** Items received while the printer could not print; they print when it can again. */
  get held(): readonly DecodedItem[] {
    return this.heldItems;
  }

  /** DLE EOT queries received. */
  get statusQueryCount(): number {
    return this.statusQueries;
  }

  /** Unknown / ignored command counts of the decoder. */
  get decoderStats(): EscPosStreamDecoder['stats'] {
    return this.decoder.stats;
  }

  /** The printed paper as plain text lines (same markers as renderPlainText). */
  screen(): string[] {
    return decodedToPlainText(this.printedItems, this.columns);
  }

  /** True when the printer would print (cover closed, paper present, online, no error). */
  get canPrint(): boolean {
    const c = this.cond;
    return !c.paperOut && !c.coverOpen && !c.offline && !c.error;
  }

  /** Changes the condition; sends an ASB frame when enabled; prints held items once it can. */
  setCondition(change: Partial<SimulatedPrinterCondition>): void {
    this.cond = { ...this.cond, ...change };
    if (this.canPrint && this.heldItems.length > 0) {
      if (this.heldItems.some((item) => item.kind === 'drawer-kick')) this.cond.drawerOpen = true;
      this.printedItems.push(...this.heldItems);
      this.heldItems = [];
    }
    if (this.asbMask !== 0)
      this.outputListeners.emit(Uint8Array.from(asbFrameFor(this.flags(), this.drawerOpenLevel)));
  }

  /** Forgets received bytes and paper (the condition stays). */
  clearPaper(): void {
    this.decoder = new EscPosStreamDecoder();
    this.chunks = [];
    this.total = 0;
    this.printedItems = [];
    this.heldItems = [];
  }

  /** Listens for bytes the printer sends back (status replies, ASB frames). */
  onOutput(listener: (bytes: Uint8Array) => void): () => void {
    return this.outputListeners.add(listener);
  }

  /** Feeds bytes from the host into the printer. */
  receive(chunk: Uint8Array): void {
    const copy = Uint8Array.from(chunk);
    this.chunks.push(copy);
    this.total += copy.length;
    for (const item of this.decoder.push(copy)) this.handle(item);
  }

  /** Wires the printer to one end of a transport: reads what the host sends, writes replies back. */
  connect(end: ByteTransport): () => void {
    const offData = end.onData((chunk) => this.receive(chunk));
    const offOutput = this.onOutput((bytes) => {
      if (end.isOpen) end.write(bytes).catch(() => undefined);
    });
    return () => {
      offData();
      offOutput();
    };
  }

  private flags(): PrinterConditionFlags {
    const c = this.cond;
    return {
      online: !c.offline,
      coverOpen: c.coverOpen,
      paperOut: c.paperOut,
      paperNearEnd: c.paperNearEnd,
      drawerOpen: c.drawerOpen,
      error: c.error,
    };
  }

  private handle(item: DecodedItem): void {
    switch (item.kind) {
      case 'status-request': {
        this.statusQueries++;
        if (this.silent || item.n < 1 || item.n > 4) return;
        const r = realtimeBytesFor(this.flags(), this.drawerOpenLevel);
        const byte = [r.printer, r.offlineCause, r.errorCause, r.paper][item.n - 1] ?? r.printer;
        this.outputListeners.emit(Uint8Array.of(byte));
        return;
      }
      case 'asb-setting':
        this.asbMask = item.mask & 0x0f;
        if (this.asbMask !== 0 && !this.silent) {
          this.outputListeners.emit(Uint8Array.from(asbFrameFor(this.flags(), this.drawerOpenLevel)));
        }
        return;
      case 'init':
        this.asbMask = 0; // ESC @ resets automatic status back
        return;
      case 'drawer-kick':
        if (this.canPrint) {
          this.printedItems.push(item);
          this.setCondition({ drawerOpen: true });
        } else {
          this.heldItems.push(item);
        }
        return;
      default:
        if (this.canPrint) this.printedItems.push(item);
        else this.heldItems.push(item);
    }
  }
}
