/**
 * Keeps volume changes and the container creates that mount named volumes
 * apart in time. A container the guard judged is pinned by its id
 * (pinTargets), a volume cannot be: it has only its name. A job that removed
 * a volume the guard had just looked up and made it again bound to /etc
 * (`docker volume create --opt device=/etc`) before dockerd read the create
 * would have the create mount /etc. So a volume create, removal or prune
 * waits while such a create is between the guard's lookup and dockerd's
 * answer, and such a create waits for the volume changes dockerd has not
 * answered yet. Once dockerd has created the container the volume is in
 * use and cannot be removed. Each side runs freely among its own kind.
 */
export type GateSide = 'create' | 'volume';

export class VolumeGate {
  private readonly inside: Record<GateSide, number> = { create: 0, volume: 0 };
  private readonly waiting: Record<GateSide, (() => void)[]> = { create: [], volume: [] };

  /** Resolves, once the other side is out, to the call that lets this one out (idempotent). */
  async enter(side: GateSide): Promise<() => void> {
    const other: GateSide = side === 'create' ? 'volume' : 'create';
    while (this.inside[other] > 0) await new Promise<void>((resolve) => this.waiting[side].push(resolve));
    this.inside[side]++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (--this.inside[side] === 0) for (const wake of this.waiting[other].splice(0)) wake();
    };
  }
}
