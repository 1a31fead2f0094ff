-- The outbox moves to the notifications module (one outbox for every module): the messages
-- written so far go to notifications_message, then services_outbox is dropped. Nothing ever
-- delivered them, so those not marked otherwise are kept as 'undeliverable' (written before
-- any channel existed): an upgrade does not send days-old messages.
insert into notifications_message (
  topic, source_module, entity_type, entity_id, reference, subject_status, unit_code,
  recipient_phone, recipient_email, text_km, text_en, created_at,
  state, attempts, next_attempt_at, sent_at, last_error
)
select
  topic, 'services', entity_type, entity_id, tracking_number, status, unit_code,
  recipient_phone, recipient_email, text_km, text_en, created_at,
  case
    when sent_at is not null then 'sent'
    when delivery_error is not null then 'failed'
    else 'undeliverable'
  end,
  0, null, sent_at,
  coalesce(delivery_error, case when sent_at is null then 'written before delivery channels existed' end)
from services_outbox
order by id;

drop table services_outbox;
