-- National login (OpenID Connect): which identity of which provider is which account, and the
-- sign-ins under way (state, PKCE verifier and nonce kept on the server, ten minutes at most).
create table access_oidc_identity (
  issuer text not null,
  subject text not null,
  user_id integer not null references access_user (id),
  created_at timestamptz not null default now(),
  primary key (issuer, subject)
);
create index access_oidc_identity_user on access_oidc_identity (user_id);

create table access_oidc_pending (
  state text primary key,
  code_verifier text not null,
  nonce text not null,
  next_path text not null,
  expires_at timestamptz not null
);
