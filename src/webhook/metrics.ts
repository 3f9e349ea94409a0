/**
 * Prometheus metrics in the text exposition format (version 0.0.4), written by hand: request
 * counts by path and code, decisions by kind and decision, and a latency histogram.
 */

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const parts = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

class Counter {
  readonly #values = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Readonly<Record<string, string>>, by = 1): void {
    const key = labelText(labels);
    this.#values.set(key, (this.#values.get(key) ?? 0) + by);
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of [...this.#values].sort(([a], [b]) => (a < b ? -1 : 1))) {
      lines.push(`${this.name}${key} ${value}`);
    }
    return lines.join('\n');
  }
}

class Histogram {
  readonly #counts = new Array<number>(BUCKETS.length).fill(0);
  #sum = 0;
  #count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  observe(seconds: number): void {
    this.#sum += seconds;
    this.#count += 1;
    const index = BUCKETS.findIndex((bound) => seconds <= bound);
    if (index >= 0) {
      this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    }
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    let cumulative = 0;
    BUCKETS.forEach((bound, index) => {
      cumulative += this.#counts[index] ?? 0;
      lines.push(`${this.name}_bucket{le="${bound}"} ${cumulative}`);
    });
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.#count}`);
    lines.push(`${this.name}_sum ${this.#sum}`);
    lines.push(`${this.name}_count ${this.#count}`);
    return lines.join('\n');
  }
}

export class WebhookMetrics {
  readonly requests = new Counter(
    'mamori_webhook_requests_total',
    'HTTP requests to the webhook, by path and status code.',
  );
  readonly decisions = new Counter(
    'mamori_webhook_decisions_total',
    'Admission decisions, by kind and decision (allow, deny, exempt, skip, error).',
  );
  readonly latency = new Histogram(
    'mamori_webhook_request_duration_seconds',
    'Time to answer an admission request, in seconds.',
  );
  readonly certReloads = new Counter(
    'mamori_webhook_certificate_reloads_total',
    'Reloads of the serving certificate, by result.',
  );

  readonly namespaceLists = new Counter(
    'mamori_webhook_namespace_lists_total',
    'Lists of all namespaces by the informer, by cause (start, gone, error).',
  );

  render(): string {
    const all = [
      this.requests,
      this.decisions,
      this.latency,
      this.certReloads,
      this.namespaceLists,
    ];
    return `${all.map((m) => m.render()).join('\n')}\n`;
  }
}
