import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AssessmentRow, ForumItemRow, ForumMeetingRow } from '../../db/talks/talk.repository';
import { INELIGIBILITY_TEXT } from '../../domain/talks/talk-eligibility.rules';
import { ReportType } from '../../schema/reports/report.type';
import { CreateForumMeetingInput, DecideForumItemInput } from '../../schema/talks/talk.inputs';
import { ForumItemType, ForumMeetingType, TalkAssessmentType, TalkType } from '../../schema/talks/talk.type';
import { RequestContext } from '../context';
import { forumService } from './forum.service';
import { AssessmentStanding, talkQueries } from './talk.queries';
import { ageAt } from './talk-writes';
import { STOCKHOLM_TIME_ZONE } from '../../domain/children/personal-identity-number';

@Resolver(() => ForumMeetingType)
export class ForumResolver {
  @Query(() => ForumMeetingType, { description: 'A forum meeting and its agenda.' })
  forumMeeting(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    return talkQueries.forumMeeting(context, id);
  }

  @Query(() => [ForumMeetingType], { description: "The district's forum meetings with a day in [from, to] (YYYY-MM-DD), latest first." })
  forumMeetings(
    @Arg('districtId', () => ID) districtId: string, @Arg('from', () => String) from: string, @Arg('to', () => String) to: string,
    @Ctx() context: RequestContext,
  ) {
    return talkQueries.forumMeetings(context, districtId, from, to);
  }

  @Mutation(() => ForumMeetingType, { description: "Create (or reopen) the district's forum meeting on a day; the agenda lists every report awaiting a talk decision." })
  createForumMeeting(@Arg('input', () => CreateForumMeetingInput) input: CreateForumMeetingInput, @Ctx() context: RequestContext) {
    return forumService.createMeeting(context, input);
  }

  @Mutation(() => ForumMeetingType, { description: 'Record the forum decision on a report; "yes" creates the talk with the target date as its deadline.' })
  decideForumItem(@Arg('input', () => DecideForumItemInput) input: DecideForumItemInput, @Ctx() context: RequestContext) {
    return forumService.decide(context, input);
  }

  @FieldResolver(() => [ForumItemType], { nullable: true })
  items(@Root() meeting: ForumMeetingRow, @Ctx() context: RequestContext) {
    return context.loaders.talks.forumItems.load(meeting.id);
  }
}

@Resolver(() => ForumItemType)
export class ForumItemResolver {
  @FieldResolver(() => ReportType, { nullable: true })
  report(@Root() item: ForumItemRow, @Ctx() context: RequestContext) {
    return context.loaders.report.load(item.reportId);
  }

  @FieldResolver(() => TalkType, { nullable: true })
  talk(@Root() item: ForumItemRow, @Ctx() context: RequestContext) {
    return item.talkId ? context.loaders.talks.talk.load(item.talkId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async childName(@Root() item: ForumItemRow, @Ctx() context: RequestContext) {
    const child = await context.loaders.talks.childOfTalk.load(item.childId);
    return child ? [child.givenName, child.familyName].filter(Boolean).join(' ') : null;
  }

  @FieldResolver(() => Int, { nullable: true })
  async childAge(@Root() item: ForumItemRow, @Ctx() context: RequestContext) {
    const child = await context.loaders.talks.childOfTalk.load(item.childId);
    return child ? ageAt(child.birthDate, context.deps.clock.now(), STOCKHOLM_TIME_ZONE) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  decidedBy(@Root() item: ForumItemRow) {
    return item.decidedByName;
  }
}

@Resolver(() => TalkAssessmentType)
export class TalkAssessmentResolver {
  @Query(() => TalkAssessmentType, { description: 'Whether a report opened a talk by itself, and every reason it did not (police reports).' })
  reportTalkAssessment(@Arg('reportId', () => ID) reportId: string, @Ctx() context: RequestContext) {
    return talkQueries.assessment(context, reportId);
  }

  @FieldResolver(() => [String], { nullable: true })
  reasonTexts(@Root() a: AssessmentRow) {
    return a.reasons.map((r) => INELIGIBILITY_TEXT[r].sv);
  }

  @FieldResolver(() => TalkType, { nullable: true })
  talk(@Root() a: AssessmentRow, @Ctx() context: RequestContext) {
    return a.talkId ? context.loaders.talks.talk.load(a.talkId) : null;
  }

  @FieldResolver(() => ForumItemType, { nullable: true })
  forumItem(@Root() a: AssessmentStanding) {
    return a.forumItem;
  }
}
