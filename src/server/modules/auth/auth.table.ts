import type { ColumnType, Generated } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type NetworkRole = 'admin' | 'staff' | 'expert';
export type Locale = 'it' | 'en' | 'ar';

export interface UsersTable extends Timestamps {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  email_verified_at: Date | null;
  network_role: NetworkRole | null;
  locale: Generated<Locale>;
  languages: Generated<string[]>;
  disabled_at: Date | null;
}

export interface SessionsTable extends Timestamps {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
  user_agent: string | null;
  last_seen_at: Generated<Date>;
}

export type TokenPurpose = 'verify_email' | 'reset_password' | 'invitation';

export interface AuthTokensTable extends Timestamps {
  token_hash: string;
  user_id: string;
  purpose: TokenPurpose;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  expires_at: Date;
  used_at: Date | null;
}

export interface AuthAttemptsTable extends Timestamps {
  id: Generated<string>;
  key: string;
}
