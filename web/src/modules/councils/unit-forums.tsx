/**
 * "Annual public forum", a section of the unit page: each year's forum of the unit's council
 * (date, place, attendance by sex; a warning with the reason when it was held outside June and
 * July) and the questions raised there with their answers and the plan priority each bears on,
 * every list paged. The clerk records a forum, adds questions and answers them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message.tsx';
import { ExampleBadge } from '../../components/example-badge.tsx';
import { InputField, SelectField, TextAreaField } from '../../components/fields.tsx';
import { PagedSection, usePaging } from '../../components/paged-section.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { useFormat } from '../../lib/use-format.ts';
import {
  useAddForumQuestion,
  useAnswerForumQuestion,
  useForumQuestions,
  useRecordForum,
  useUnitForums,
  type Forum,
  type ForumQuestion,
} from './api.ts';
import { useCanManage } from './common.tsx';

export function UnitForums({ code }: { code: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canManage = useCanManage(code);
  const [openId, setOpenId] = useState<number | null>(null);
  const paging = usePaging();
  const forums = useUnitForums(code, paging.page);
  const open = forums.data?.items.find((forum) => forum.id === openId) ?? forums.data?.items[0] ?? null;
  return (
    <PagedSection
      headingId="unit-forums-title"
      title={t('councils.forum.title')}
      sectionClassName="unit-section unit-forums"
      before={<p>{t('councils.forum.lead')}</p>}
      paging={paging}
      list={forums}
      after={open ? <ForumDetail forum={open} canManage={canManage} /> : null}
      form={canManage ? <RecordForumForm code={code} /> : null}
      empty={t('councils.forum.none')}
      className="stack-table"
      rowKey={(forum: Forum) => String(forum.id)}
      rowData={(forum) => ({ 'data-forum': forum.id })}
      columns={[
        {
          key: 'year',
          label: t('councils.forum.year'),
          rowHeader: true,
          cell: (forum) => (
            <>
              <button type="button" className="link-button" onClick={() => setOpenId(forum.id)}>
                {format.digits(String(forum.year))}
              </button>
              {forum.isExample ? <ExampleBadge /> : null}
            </>
          ),
        },
        {
          key: 'date',
          label: t('councils.forum.date'),
          cell: (forum) => (
            <>
              {format.date(forum.date)}
              {forum.inWindow ? null : (
                <span className="status-badge forum-late" data-field="forum-late">
                  {t('councils.forum.outsideWindow')}
                </span>
              )}
            </>
          ),
        },
        { key: 'place', label: t('councils.forum.place'), cell: (forum) => forum.place },
        {
          key: 'attendance',
          label: t('councils.forum.attendance'),
          cell: (forum) =>
            t('councils.forum.attendanceBySex', {
              female: format.number(forum.attendanceFemale),
              male: format.number(forum.attendanceMale),
              total: format.number(forum.attendanceFemale + forum.attendanceMale),
            }),
        },
        {
          key: 'questions',
          label: t('councils.forum.questions'),
          className: 'number',
          cell: (forum) =>
            t('councils.forum.answeredOf', {
              answered: format.number(forum.answeredCount),
              total: format.number(forum.questionCount),
            }),
        },
      ]}
    />
  );
}

function ForumDetail({ forum, canManage }: { forum: Forum; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const questions = useForumQuestions(forum.id, page);
  const pick = (km: string | null, en: string | null) => (format.lang === 'en' && en ? en : km);
  return (
    <div className="forum-detail" data-forum-detail={forum.id}>
      <h3>{t('councils.forum.heading', { year: format.digits(String(forum.year)) })}</h3>
      {forum.inWindow ? null : (
        <p className="notice" role="note">
          {t('councils.forum.lateWarning')} {forum.lateReasonKm}
        </p>
      )}
      {forum.summaryKm || forum.summaryEn ? <p>{pick(forum.summaryKm, forum.summaryEn)}</p> : null}
      <PagedTable
        list={questions}
        empty={t('councils.forum.noQuestions')}
        className="stack-table forum-questions"
        onPage={setPage}
        rowKey={(question: ForumQuestion) => String(question.id)}
        rowData={(question) => ({ 'data-question': question.position })}
        columns={[
          {
            key: 'position',
            label: t('councils.forum.number'),
            className: 'number',
            cell: (question) => format.number(question.position),
          },
          {
            key: 'question',
            label: t('councils.forum.question'),
            rowHeader: true,
            cell: (question) => <span lang="km">{question.questionKm}</span>,
          },
          {
            key: 'answer',
            label: t('councils.forum.answer'),
            cell: (question) =>
              question.answerKm ? (
                pick(question.answerKm, question.answerEn)
              ) : canManage ? (
                <AnswerForm question={question} />
              ) : (
                <span className="muted">{t('councils.forum.notAnswered')}</span>
              ),
          },
          {
            key: 'priority',
            label: t('councils.forum.priority'),
            cell: (question) => question.planPriorityRef ?? '—',
          },
        ]}
      />
      {canManage ? <AddQuestionForm forumId={forum.id} /> : null}
    </div>
  );
}

function RecordForumForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const record = useRecordForum(code);
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [female, setFemale] = useState('0');
  const [male, setMale] = useState('0');
  const [lateReason, setLateReason] = useState('');
  const month = Number(date.slice(5, 7));
  const outside = date !== '' && month !== 6 && month !== 7;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      year: Number(date.slice(0, 4)),
      date,
      place,
      attendanceFemale: Number(female) || 0,
      attendanceMale: Number(male) || 0,
      lateReasonKm: lateReason.trim() === '' ? null : lateReason,
    });
  };
  return (
    <form className="form forum-form" onSubmit={submit} aria-labelledby="forum-form-title">
      <h3 id="forum-form-title">{t('councils.forum.record')}</h3>
      <InputField
        label={t('councils.forum.date')}
        name="forumDate"
        type="date"
        required
        value={date}
        onValue={setDate}
      />
      {outside ? (
        <p className="notice" role="note" data-field="forum-window-warning">
          {t('councils.forum.windowHint')}
        </p>
      ) : null}
      <InputField
        label={t('councils.forum.place')}
        name="forumPlace"
        required
        maxLength={300}
        value={place}
        onValue={setPlace}
      />
      <InputField
        label={t('councils.forum.women')}
        name="attendanceFemale"
        type="number"
        min={0}
        inputMode="numeric"
        value={female}
        onValue={setFemale}
      />
      <InputField
        label={t('councils.forum.men')}
        name="attendanceMale"
        type="number"
        min={0}
        inputMode="numeric"
        value={male}
        onValue={setMale}
      />
      {outside ? (
        <TextAreaField
          label={t('councils.forum.lateReason')}
          name="lateReasonKm"
          lang="km"
          rows={2}
          required
          maxLength={1000}
          value={lateReason}
          onValue={setLateReason}
        />
      ) : null}
      <button type="submit" className="button" disabled={record.isPending}>
        {t('councils.forum.save')}
      </button>
      {record.isError ? <ErrorMessage error={record.error} /> : null}
      {record.isSuccess ? (
        <p className="success-message" role="status">
          {t('councils.forum.saved')}
        </p>
      ) : null}
    </form>
  );
}

function AddQuestionForm({ forumId }: { forumId: number }) {
  const { t } = useTranslation();
  const add = useAddForumQuestion(forumId);
  const [question, setQuestion] = useState('');
  const [sex, setSex] = useState('');
  const [answer, setAnswer] = useState('');
  const [priority, setPriority] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        questionKm: question,
        askedBySex: sex === '' ? null : sex,
        answerKm: answer.trim() === '' ? null : answer,
        planPriorityRef: priority.trim() === '' ? null : priority,
      },
      {
        onSuccess: () => {
          setQuestion('');
          setAnswer('');
          setPriority('');
        },
      },
    );
  };
  return (
    <form className="form forum-question-form" onSubmit={submit} aria-labelledby={`forum-q-${forumId}`}>
      <h4 id={`forum-q-${forumId}`}>{t('councils.forum.addQuestion')}</h4>
      <TextAreaField
        label={t('councils.forum.question')}
        name="questionKm"
        lang="km"
        rows={2}
        required
        maxLength={2000}
        value={question}
        onValue={setQuestion}
      />
      <SelectField label={t('councils.forum.askedBy')} name="askedBySex" value={sex} onValue={setSex}>
        <option value="">{t('councils.requests.sex.not_said')}</option>
        <option value="female">{t('councils.requests.sex.female')}</option>
        <option value="male">{t('councils.requests.sex.male')}</option>
      </SelectField>
      <TextAreaField
        label={t('councils.forum.answerOptional')}
        name="answerKm"
        lang="km"
        rows={2}
        maxLength={5000}
        value={answer}
        onValue={setAnswer}
      />
      <InputField
        label={t('councils.forum.priority')}
        hint={t('councils.forum.priorityHint')}
        name="planPriorityRef"
        maxLength={100}
        value={priority}
        onValue={setPriority}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('councils.forum.saveQuestion')}
      </button>
      {add.isError ? <ErrorMessage error={add.error} /> : null}
    </form>
  );
}

function AnswerForm({ question }: { question: ForumQuestion }) {
  const { t } = useTranslation();
  const answer = useAnswerForumQuestion(question.id);
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate({ answerKm: text });
  };
  return (
    <form className="form forum-answer-form" onSubmit={submit}>
      <TextAreaField
        label={t('councils.forum.answerTo', { n: question.position })}
        name={`answer-${question.id}`}
        lang="km"
        rows={2}
        required
        maxLength={5000}
        value={text}
        onValue={setText}
      />
      <button type="submit" className="button button--small" disabled={answer.isPending}>
        {t('councils.forum.saveAnswer')}
      </button>
      {answer.isError ? <ErrorMessage error={answer.error} /> : null}
    </form>
  );
}
