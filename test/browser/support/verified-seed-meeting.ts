import { SEED_PASSWORD, SEED_USERS, WebStack } from './web-stack';

export interface PostedMinutes {
  meetingId: string;
  minutesId: string;
  posting: { id: string; postedOn: string; takenDownOn: string; lastAppealDay: string };
}

/** A seed user's calls to the API of the stack, signed in with a bearer token. */
export async function seedUserApi(stack: WebStack, email: string) {
  const token = (await stack.testApp.http().post('/api/v1/auth/login').send({ email, password: SEED_PASSWORD }).expect(200)).body.accessToken;
  return {
    get: (path: string) => stack.testApp.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => stack.testApp.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) => stack.testApp.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  };
}

/**
 * The seed's SUN meeting of 11 January 2023, held, minuted and verified through the API by the secretary, the chair and
 * one verifier; resolves once the worker has put its posting up.
 */
export async function verifySeedMeeting(stack: WebStack): Promise<PostedMinutes> {
  const secretary = await seedUserApi(stack, SEED_USERS.secretary);
  const chair = await seedUserApi(stack, SEED_USERS.chair);
  const verifier = await seedUserApi(stack, SEED_USERS.member);
  const [meeting]: { id: string }[] = await stack.testApp.dataSource.query(`SELECT m.id FROM meetings m JOIN organs o ON o.id = m.organ_id WHERE o.short_name = 'SUN' AND m.starts_at::date = '2023-01-11'`);
  const verifierPersonId = (await verifier.get('/auth/me').expect(200)).body.personId;
  await secretary.post(`/meetings/${meeting.id}/held`).expect(200);
  const minutes = (await secretary.post(`/meetings/${meeting.id}/minutes`).expect(201)).body;
  await secretary.patch(`/minutes/${minutes.id}`, { verifierPersonIds: [verifierPersonId], verificationPlace: 'Social- och utbildningsförvaltningen, Ludvika', verificationAt: '2023-01-16T10:00:00+01:00' }).expect(200);
  for (const paragraph of minutes.paragraphs as { id: string; title: string }[]) {
    const asProposed = await secretary.post(`/paragraphs/${paragraph.id}/decision`, {});
    if (asProposed.status !== 200) await secretary.post(`/paragraphs/${paragraph.id}/decision`, { decision: [`Nämnden beslutar i ärendet ${paragraph.title}.`] }).expect(200);
  }
  const sha = (await secretary.get(`/minutes/${minutes.id}`).expect(200)).body.currentContentSha256;
  await chair.post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
  await verifier.post(`/minutes/${minutes.id}/approvals`, { contentSha256: sha }).expect(201);
  let posting: PostedMinutes['posting'] | undefined;
  for (let attempt = 0; attempt < 150 && !posting; attempt++) {
    [posting] = (await secretary.get('/postings?status=up').expect(200)).body.items;
    if (!posting) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!posting) throw new Error('The worker did not put the posting up within 30 s');
  return { meetingId: meeting.id, minutesId: minutes.id, posting };
}
