import type { ColumnType, Generated } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
type Json<T> = ColumnType<T, string | undefined, string>;

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed';
export type CampaignStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
/** queued: waiting for the dispatcher; enqueued: its mail is in the outbox; skipped: unsubscribed meanwhile. */
export type DeliveryRowStatus = 'queued' | 'enqueued' | 'skipped';

export interface NewsletterSubscriptionsTable extends Timestamps {
  id: Generated<string>;
  email: string;
  name: string | null;
  locale: Generated<string>;
  programme_ids: Generated<string[]>;
  topics: Generated<string[]>;
  status: Generated<SubscriptionStatus>;
  user_id: string | null;
  confirm_token_hash: string | null;
  confirm_expires_at: Date | null;
  /** Sent in clear in every mail to this subscriber (unsubscribe link), so stored in clear. */
  manage_token: string;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
}

export interface NewsletterCampaignsTable extends Timestamps {
  id: Generated<string>;
  status: Generated<CampaignStatus>;
  contents: Json<Record<string, { subject: string; body: string }>>;
  audience: Json<Record<string, unknown>>;
  scheduled_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  recipient_count: number | null;
  /** Shown in the public archive once sent; staff turn it off for issues meant for a narrow audience. */
  in_archive: Generated<boolean>;
  created_by: string | null;
}

export interface NewsletterDeliveriesTable extends Timestamps {
  id: Generated<string>;
  campaign_id: string;
  email: string;
  name: string | null;
  locale: string;
  unsubscribe_token: string;
  status: Generated<DeliveryRowStatus>;
  mail_id: string | null;
  enqueued_at: Date | null;
}
