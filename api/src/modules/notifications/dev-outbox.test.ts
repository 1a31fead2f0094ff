/**
 * The development outbox: on only without an SMS gateway, outside production and tests, with
 * demo data on; then an SMS (a sign-up code) is written as one line to the server's log
 * instead of being sent. Never on when NODE_ENV=production, DEMO_DATA=false or a gateway is set.
 */
import { describe, expect, it } from 'vitest';
import { devOutboxOn, readNotificationSettings } from '../../config.ts';
import { channelsFrom, DEV_OUTBOX_PREFIX, devOutboxChannel } from './channels.ts';
import { render } from './templates.ts';

describe('the development outbox', () => {
  it('is on for `npm start` as it comes, and off in production, in tests, without demo data, or with a gateway', () => {
    expect(devOutboxOn({}, false)).toBe(true);
    expect(devOutboxOn({ NODE_ENV: 'development', DEMO_DATA: 'true' }, false)).toBe(true);
    expect(devOutboxOn({ NODE_ENV: 'production' }, false)).toBe(false);
    expect(devOutboxOn({ NODE_ENV: ' production ' }, false)).toBe(false);
    expect(devOutboxOn({ NODE_ENV: 'test' }, false)).toBe(false);
    expect(devOutboxOn({ NODE_ENV: 'staging' }, false)).toBe(false);
    expect(devOutboxOn({ DEMO_DATA: 'false' }, false)).toBe(false);
    expect(devOutboxOn({ DEMO_DATA: 'off' }, false)).toBe(false);
    expect(devOutboxOn({}, true)).toBe(false);

    expect(readNotificationSettings({}).settings.devOutbox).toBe(true);
    expect(readNotificationSettings({ NODE_ENV: 'production' }).settings.devOutbox).toBeUndefined();
    const withGateway = readNotificationSettings({ SMS_GATEWAY_URL: 'https://sms.example.org/send' });
    expect(withGateway.settings.devOutbox).toBeUndefined();
    expect(channelsFrom(withGateway.settings).sms).toBeDefined();
    // Off: no SMS channel at all (messages stay undeliverable, as before).
    expect(channelsFrom(readNotificationSettings({ NODE_ENV: 'production' }).settings).sms).toBeUndefined();
    expect(channelsFrom(readNotificationSettings({}).settings).sms?.name).toBe('sms');
  });

  it('writes the message as one line, phone and both languages, instead of sending it', async () => {
    const lines: string[] = [];
    const channel = devOutboxChannel((line) => lines.push(line));
    const rendered = render(
      {
        topic: 'account.code',
        reference: '',
        textKm: 'លេខកូដរបស់អ្នកគឺ 123456',
        textEn: 'Your code is 123456',
      },
      'sms',
    );
    await channel.send('+85512345678', rendered);
    expect(lines).toEqual([
      `${DEV_OUTBOX_PREFIX} SMS to +85512345678: លេខកូដរបស់អ្នកគឺ 123456 / Your code is 123456`,
    ]);
  });
});
