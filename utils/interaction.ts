import type { InteractionUser } from '@/utils/customer/user';

/** The event preset: which kind of interaction RayApp records. */
export interface EventPreset {
  type: string;
  subType: string;
  customProps: Record<string, string>;
}

/** One event of `POST /events/interaction`, keys in the contract's order. */
export interface InteractionEvent {
  customProps: Record<string, string>;
  storeId: number;
  type: string;
  subType: string;
  source: 'OTHER';
  timestamp: string;
  user: InteractionUser;
}

export function buildInteraction(user: InteractionUser, storeId: number, preset: EventPreset, at: Date): InteractionEvent {
  return {
    customProps: { ...preset.customProps },
    storeId,
    type: preset.type,
    subType: preset.subType,
    source: 'OTHER',
    timestamp: at.toISOString(),
    user,
  };
}
