/**
 * The meeting cycle: create a meeting with its standard items, draft the agenda, publish it,
 * record decisions, publish and approve the minutes. Every read goes through the access rules;
 * every write checks the stage and the record's version, inside one transaction.
 */
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StateError,
  ValidationError,
} from '../domain/errors.ts';
import { requireConfirmation, type Finding } from '../domain/privacy/index.ts';
import {
  canEdit,
  canSeeAccess,
  canSeeDecisions,
  canSeeMeeting,
  describeNextMeeting,
  formatDanishDate,
  effectiveAccess,
  HIDDEN_TITLE,
  insertItem,
  isLocked,
  moveItem,
  nextStage,
  numberAttachments,
  renumber,
  StageError,
  standardItems,
  type Access,
  type DocumentItem,
  type MeetingDocument,
  type Placed,
  type StageAction,
  type Viewer,
} from '../domain/meetings/index.ts';
import { extractAttachmentText } from '../archive/attachment-text.ts';
import type { Db } from '../db/client.ts';
import type { MeetingFields } from '../db/repositories/meeting.repository.ts';
import type { DecisionFields, ItemContent } from '../db/repositories/item.repository.ts';
import { repositories } from '../db/repositories/index.ts';
import { today, type Clock } from './clock.ts';
import { meetingFindings, recordConfirmation } from './publishing-guard.ts';

/** The users who may read a personal item, by e-mail address (forms and API). */
export interface NamedViewers {
  viewers?: readonly string[];
}

export function requireEditor(viewer: Viewer): void {
  if (!canEdit(viewer))
    throw new ForbiddenError('Kun sekretariatet kan ændre møder. Log ind som sekretariatet.');
}

/** Turns a domain StageError into the service's StateError (HTTP 409 with the Danish reason). */
function stage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof StageError) throw new StateError(e.message);
    throw e;
  }
}

export function meetingService(db: Db, clock: Clock) {
  const repo = repositories(db);

  async function visibleMeeting(viewer: Viewer, id: number) {
    const meeting = await repo.meetings.find(id);
    if (meeting === null || !canSeeMeeting(viewer, meeting))
      throw new NotFoundError('Mødet findes ikke.');
    return meeting;
  }

  /** An item the viewer may see in full (closed items only for those with access). */
  async function visibleItem(viewer: Viewer, itemId: number) {
    const item = await repo.items.get(itemId).catch(() => null);
    if (item === null) throw new NotFoundError('Punktet findes ikke.');
    const meeting = await visibleMeeting(viewer, item.meetingId);
    if (!canSeeAccess(viewer, meeting.committeeId, item.access, item.viewerIds))
      throw new NotFoundError('Punktet findes ikke.');
    return { item, meeting };
  }

  async function editableItem(viewer: Viewer, itemId: number) {
    requireEditor(viewer);
    const { item, meeting } = await visibleItem(viewer, itemId);
    if (isLocked(meeting)) {
      throw new StateError(
        'Referatet er godkendt og låst. En beslutning kan kun ændres som en rettelse med en begrundelse.',
      );
    }
    return { item, meeting };
  }

  /** The users named by e-mail on a personal item; an unknown address is the user's to fix. */
  async function namedUserIds(emails: readonly string[] | undefined): Promise<number[]> {
    const ids: number[] = [];
    for (const email of emails ?? []) {
      const user = await repo.users.byEmail(email);
      if (user === null)
        throw new ValidationError({
          viewers: `Der findes ingen bruger med e-mailadressen ${email}. Skriv e-mailadressen på en bruger af platformen, én pr. linje.`,
        });
      ids.push(user.id);
    }
    return ids;
  }

  return {
    /** The e-mail addresses of the users named on an item (for the secretariat's edit form). */
    async namedViewers(viewer: Viewer, itemId: number): Promise<string[]> {
      requireEditor(viewer);
      const rows = await db.query<{ email: string }>(
        `select u.email from item_viewer v join app_user u on u.id = v.user_id
          where v.item_id = $1 order by u.email`,
        [itemId],
      );
      return rows.map((r) => r.email);
    },
    listCommittees: () => repo.committees.list(),
    getCommittee: (id: number) => repo.committees.get(id),

    async listMeetings(
      viewer: Viewer,
      filter: { committeeId?: number; from?: string; to?: string } = {},
    ) {
      const all = await repo.meetings.list(filter);
      return all.filter((m) => canSeeMeeting(viewer, m));
    },

    async createMeeting(viewer: Viewer, fields: MeetingFields) {
      requireEditor(viewer);
      return db.transaction(async (tx) => {
        const r = repositories(tx);
        const committee = await r.committees.get(fields.committeeId);
        const meeting = await r.meetings.create(fields);
        const previous = await r.meetings.previous(fields.committeeId, fields.date);
        const next = await r.meetings.next(fields.committeeId, fields.date);
        const items = standardItems(committee.name, previous, next);
        let number = 1;
        for (const item of items) {
          await r.items.create({
            ...item,
            meetingId: meeting.id,
            number: number++,
            publicTitle: null,
            access: 'open',
            summary: '',
            presenter: '',
          });
        }
        // The previous meeting's "Næste møde" now has a meeting to point at, while still a draft.
        if (previous !== null && previous.stage === 'agenda-draft') {
          const prevItems = await r.items.listByMeeting(previous.id);
          const nextItem = prevItems.find(
            (i) => i.standardKind === 'next-meeting' && i.nextMeetingId === null,
          );
          if (nextItem !== undefined) {
            await tx.query(
              `update item set next_meeting_id = $2, case_description = $3 where id = $1`,
              [nextItem.id, meeting.id, describeNextMeeting(meeting)],
            );
          }
        }
        return meeting;
      });
    },

    async updateMeeting(
      viewer: Viewer,
      id: number,
      version: number,
      fields: Omit<MeetingFields, 'committeeId'>,
    ) {
      requireEditor(viewer);
      if (isLocked(await repo.meetings.get(id))) {
        throw new StateError('Referatet er godkendt og låst; mødets data kan ikke ændres.');
      }
      await repo.meetings.update(id, version, fields);
    },

    async cancelMeeting(viewer: Viewer, id: number, version: number, reason: string) {
      requireEditor(viewer);
      const meeting = await repo.meetings.get(id);
      if (meeting.stage !== 'agenda-draft' && meeting.stage !== 'agenda-published') {
        throw new StateError('Mødet har allerede et referat og kan ikke aflyses.');
      }
      await repo.meetings.setStatus(id, version, 'cancelled', reason);
    },

    async markHeld(viewer: Viewer, id: number, version: number) {
      requireEditor(viewer);
      await repo.meetings.setStatus(id, version, 'held', null);
    },

    /**
     * publish-agenda, start-minutes, publish-minutes. Approval happens through the next meeting.
     * Publishing scans the public text first: with findings it is refused (PublishingFindingsError)
     * unless `confirmFindings`, and a confirmed publishing is recorded. Returns the findings.
     */
    async advance(
      viewer: Viewer,
      id: number,
      version: number,
      action: Exclude<StageAction, 'approve-minutes'>,
      options: { confirmFindings?: boolean } = {},
    ): Promise<Finding[]> {
      requireEditor(viewer);
      const meeting = await repo.meetings.get(id);
      const to = stage(() => nextStage(meeting, action));
      const publication =
        action === 'publish-agenda' ? 'agenda' : action === 'publish-minutes' ? 'minutes' : null;
      const scannedStamp = await repo.meetings.contentStamp(id);
      const findings =
        publication === null ? [] : await meetingFindings(db, id, publication, today(clock));
      requireConfirmation(findings, options.confirmFindings === true);
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        if (publication !== null) {
          // What was scanned must be what is published: a change in between means scanning again.
          const [row] = await tx.query<{ stamp: string }>(
            `select content_stamp::text || '.' || pg_relation_filenode(tableoid)::text as stamp
               from meeting where id = $1 for update`,
            [id],
          );
          if (row?.stamp !== scannedStamp) throw new ConflictError();
          await recordConfirmation(
            tx,
            publication,
            { meetingId: id },
            viewer.userId,
            clock.now(),
            findings,
          );
        }
        await r.meetings.setStage(id, version, to, clock.now());
        const due = meeting.date !== null && meeting.date <= today(clock);
        if (action === 'start-minutes' && meeting.status === 'planned' && due) {
          await tx.query(`update meeting set status = 'held' where id = $1`, [id]);
        }
      });
      return findings;
    },

    /** The meeting as `viewer` may see it: closed items reduced to number and "Lukket punkt". */
    async document(viewer: Viewer, id: number): Promise<MeetingDocument> {
      const meeting = await visibleMeeting(viewer, id);
      const [items, attachments, attendance, corrections] = await Promise.all([
        repo.items.listByMeeting(id),
        repo.attachments.listByMeeting(id),
        repo.attendance.listByMeeting(id),
        repo.decisions.correctionsByMeeting(id),
      ]);
      const bilag = numberAttachments(items, attachments);
      const decisions = canSeeDecisions(viewer, meeting);
      const person = (a: (typeof attendance)[number]) => ({
        name: a.name,
        organisation: a.organisation,
      });
      const docItems: DocumentItem[] = items.map((item) => {
        const hidden = !canSeeAccess(viewer, meeting.committeeId, item.access, item.viewerIds);
        if (hidden) {
          return {
            id: item.id,
            number: item.number,
            section: item.section,
            access: item.access,
            hidden: true,
            title: item.publicTitle ? `${HIDDEN_TITLE}: ${item.publicTitle}` : HIDDEN_TITLE,
            summary: '',
            recommendations: [],
            caseDescription: '',
            presenter: '',
            decision: null,
            outcome: null,
            postMeetingNote: '',
            attachments: [],
            guests: [],
            corrections: [],
          };
        }
        return {
          id: item.id,
          number: item.number,
          section: item.section,
          access: item.access,
          hidden: false,
          title: item.title,
          summary: item.summary,
          recommendations: item.recommendations,
          caseDescription: item.caseDescription,
          presenter: item.presenter,
          decision: decisions ? item.decision : null,
          outcome: decisions ? item.outcome : null,
          postMeetingNote: decisions ? item.postMeetingNote : '',
          attachments: attachments
            .filter(
              (a) =>
                a.itemId === item.id &&
                canSeeAccess(
                  viewer,
                  meeting.committeeId,
                  effectiveAccess(item.access, a.access),
                  item.viewerIds,
                ),
            )
            .map((a) => ({
              id: a.id,
              label: `Bilag ${bilag.get(a.id) ?? '?'}`,
              title: a.title,
              filename: a.filename,
              size: a.size,
              access: effectiveAccess(item.access, a.access),
            })),
          guests: attendance
            .filter((a) => a.kind === 'guest' && a.itemId === item.id)
            .map((a) => a.name),
          corrections: decisions
            ? corrections
                .filter((c) => c.itemId === item.id)
                .map((c) => ({ reason: c.reason, createdAt: c.createdAt.toISOString() }))
            : [],
        };
      });
      return {
        committee: {
          id: meeting.committeeId,
          shortName: meeting.committeeShortName,
          name: meeting.committeeName,
        },
        meeting,
        participants: attendance.filter((a) => a.kind === 'participant').map(person),
        apologies: attendance.filter((a) => a.kind === 'apology').map(person),
        guests: attendance.filter((a) => a.kind === 'guest' && a.itemId === null).map(person),
        items: docItems,
        publicEdition: viewer.role === 'anonymous',
      };
    },

    meetingRow: (viewer: Viewer, id: number) => visibleMeeting(viewer, id),
    /** Changes whenever the meeting page's content changes; null for an unknown meeting. */
    contentStamp: (id: number) => repo.meetings.contentStamp(id),
    attendance: (id: number) => repo.attendance.listByMeeting(id),

    /**
     * The stored item and its meeting, if the viewer may see the item at all. It carries the raw
     * decision: render content from `document()`, which hides decisions not yet published.
     */
    async item(viewer: Viewer, itemId: number) {
      return visibleItem(viewer, itemId);
    },

    async addItem(viewer: Viewer, meetingId: number, content: ItemContent & NamedViewers) {
      requireEditor(viewer);
      const viewerIds = await namedUserIds(content.viewers);
      return db.transaction(async (tx) => {
        const r = repositories(tx);
        const meeting = await r.meetings.get(meetingId);
        if (isLocked(meeting))
          throw new StateError('Referatet er godkendt og låst; der kan ikke tilføjes punkter.');
        const items = await r.items.listByMeeting(meetingId);
        const placed = insertItem<Placed>(items, { id: 0, section: content.section, number: 0 });
        const number = placed.find((i) => i.id === 0)?.number ?? items.length + 1;
        // Shift the later items first so the new number is free.
        await r.items.saveOrder(placed.filter((i) => i.id !== 0));
        const created = await r.items.create({
          ...content,
          meetingId,
          number,
          standardKind: null,
          approvesMeetingId: null,
          nextMeetingId: null,
        });
        await r.items.setViewers(created.id, viewerIds);
        return created;
      });
    },

    async updateItem(
      viewer: Viewer,
      itemId: number,
      version: number,
      content: ItemContent & NamedViewers,
    ) {
      const { item } = await editableItem(viewer, itemId);
      const viewerIds = await namedUserIds(content.viewers);
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        await r.items.updateContent(itemId, version, content);
        await r.items.setViewers(itemId, viewerIds);
        if (content.section !== item.section) {
          const items = await r.items.listByMeeting(item.meetingId);
          // Leaving one section for another: place it at the end of the new one.
          const moved = items.map((i) => (i.id === itemId ? { ...i, number: 10_000 } : i));
          await r.items.saveOrder(renumber(moved));
        }
      });
    },

    async moveItem(viewer: Viewer, itemId: number, direction: 'up' | 'down') {
      const { item } = await editableItem(viewer, itemId);
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        const items = await r.items.listByMeeting(item.meetingId);
        await r.items.saveOrder(moveItem(items, itemId, direction));
      });
    },

    async deleteItem(viewer: Viewer, itemId: number, version: number) {
      const { item } = await editableItem(viewer, itemId);
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        await r.items.remove(itemId, version);
        await r.items.saveOrder(renumber(await r.items.listByMeeting(item.meetingId)));
      });
    },

    /**
     * Records the decision of an item. Approving the "Godkendelse af referat" item approves and
     * locks the minutes of the meeting it points to.
     */
    async recordDecision(viewer: Viewer, itemId: number, version: number, fields: DecisionFields) {
      const { item, meeting } = await editableItem(viewer, itemId);
      const allowed =
        meeting.stage === 'minutes-draft' ||
        meeting.stage === 'minutes-published' ||
        (meeting.status === 'cancelled' && item.writtenProcedureDeadline !== null);
      if (!allowed) {
        throw new StateError(
          meeting.status === 'cancelled'
            ? 'Mødet er aflyst. Start en skriftlig høring på punktet, før der kan noteres en beslutning.'
            : 'Beslutninger noteres, når referatet er påbegyndt. Vælg "Start referat" på mødet først.',
        );
      }
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        await r.items.updateDecision(itemId, version, fields);
        const approves =
          item.standardKind === 'approve-minutes' &&
          item.approvesMeetingId !== null &&
          (fields.outcome === 'approved' || fields.outcome === 'approved-with-changes');
        if (approves && item.approvesMeetingId !== null) {
          const earlier = await r.meetings.get(item.approvesMeetingId);
          if (['agenda-draft', 'agenda-published', 'minutes-draft'].includes(earlier.stage)) {
            throw new StateError(
              `Referatet fra mødet den ${formatDanishDate(earlier.date)} er ikke udsendt endnu. Udsend det, før det godkendes.`,
            );
          }
          if (earlier.stage === 'minutes-published') {
            await r.meetings.setStage(
              earlier.id,
              earlier.version,
              'minutes-approved',
              clock.now(),
              itemId,
            );
          }
        }
      });
    },

    /** Changes a decision after the minutes were approved: visible, with a reason. */
    async correctDecision(
      viewer: Viewer,
      itemId: number,
      version: number,
      fields: DecisionFields,
      reason: string,
      userId: number | null,
    ) {
      requireEditor(viewer);
      const { item, meeting } = await visibleItem(viewer, itemId);
      if (!isLocked(meeting))
        throw new StateError('Referatet er ikke godkendt endnu; ret beslutningen direkte.');
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        await r.items.updateDecision(itemId, version, fields);
        await r.decisions.addCorrection({
          itemId,
          beforeDecision: item.decision,
          afterDecision: fields.decision,
          beforeOutcome: item.outcome,
          afterOutcome: fields.outcome,
          reason,
          userId,
        });
      });
    },

    async addAttachment(
      viewer: Viewer,
      itemId: number,
      file: {
        title: string;
        filename: string;
        mediaType: string;
        access: Access;
        bytes: Uint8Array;
      },
    ) {
      await editableItem(viewer, itemId);
      // The text layer makes the attachment searchable; read before the transaction opens.
      const text = await extractAttachmentText(file.bytes, file.filename, file.mediaType);
      return db.transaction((tx) => repositories(tx).attachments.create({ itemId, ...file, text }));
    },

    async removeAttachment(viewer: Viewer, attachmentId: number) {
      requireEditor(viewer);
      const attachment = await repo.attachments.get(attachmentId);
      await editableItem(viewer, attachment.itemId);
      await repo.attachments.remove(attachmentId);
    },

    /** The original file, only if the viewer may see both the item and the attachment. */
    async download(viewer: Viewer, attachmentId: number) {
      const attachment = await repo.attachments.get(attachmentId).catch(() => null);
      if (attachment === null) throw new NotFoundError('Bilaget findes ikke.');
      const { item, meeting } = await visibleItem(viewer, attachment.itemId);
      if (
        !canSeeAccess(
          viewer,
          meeting.committeeId,
          effectiveAccess(item.access, attachment.access),
          item.viewerIds,
        )
      ) {
        throw new NotFoundError('Bilaget findes ikke.');
      }
      return { attachment, bytes: await repo.attachments.bytes(attachment.sha256) };
    },

    async addAttendance(
      viewer: Viewer,
      meetingId: number,
      a: {
        kind: 'participant' | 'apology' | 'guest';
        name: string;
        organisation: string;
        itemId: number | null;
        personId: number | null;
      },
    ) {
      requireEditor(viewer);
      const meeting = await repo.meetings.get(meetingId);
      if (isLocked(meeting)) throw new StateError('Referatet er godkendt og låst.');
      const items = await repo.items.listByMeeting(meetingId);
      if (a.itemId !== null && !items.some((i) => i.id === a.itemId)) {
        throw new ValidationError({ itemId: 'Vælg et punkt fra dette møde.' });
      }
      await repo.attendance.add({ meetingId, ...a });
    },

    async removeAttendance(viewer: Viewer, meetingId: number, id: number) {
      requireEditor(viewer);
      await repo.attendance.remove(meetingId, id);
    },

    /** Sends the information items of a cancelled meeting as an information letter. */
    async sendInformationLetter(viewer: Viewer, meetingId: number, itemIds: readonly number[]) {
      requireEditor(viewer);
      const meeting = await repo.meetings.get(meetingId);
      if (meeting.status !== 'cancelled')
        throw new StateError('Kun et aflyst møde sender en orienteringsmail i stedet for mødet.');
      await db.transaction(async (tx) => {
        const r = repositories(tx);
        for (const item of await r.items.listByMeeting(meetingId)) {
          await r.items.setInformationLetter(item.id, itemIds.includes(item.id));
        }
        await r.meetings.markInformationLetterSent(meetingId, clock.now());
      });
    },

    async startWrittenProcedure(viewer: Viewer, itemId: number, deadline: string) {
      const { meeting } = await editableItem(viewer, itemId);
      if (meeting.status !== 'cancelled' && meeting.stage !== 'agenda-published') {
        throw new StateError(
          'Skriftlig høring bruges, når mødet er aflyst, eller før mødet afholdes.',
        );
      }
      await repo.items.setWrittenProcedure(itemId, deadline);
    },

    async addWrittenResponse(
      viewer: Viewer,
      itemId: number,
      r: {
        respondent: string;
        organisationId: number | null;
        answer: 'agree' | 'disagree' | 'abstain';
        comment: string;
        answeredOn: string;
      },
    ) {
      const { item } = await editableItem(viewer, itemId);
      if (item.writtenProcedureDeadline === null)
        throw new StateError('Punktet er ikke sendt i skriftlig høring.');
      await repo.decisions.addResponse({ itemId, ...r });
    },

    async itemsInInformationLetter(meetingId: number): Promise<number[]> {
      return (await repo.items.listByMeeting(meetingId))
        .filter((i) => i.inInformationLetter)
        .map((i) => i.id);
    },

    writtenResponses: (meetingId: number) => repo.decisions.responsesByMeeting(meetingId),
    corrections: (meetingId: number) => repo.decisions.correctionsByMeeting(meetingId),
  };
}
export type MeetingService = ReturnType<typeof meetingService>;
