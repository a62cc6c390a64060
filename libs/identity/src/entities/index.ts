import { User } from './user.entity';
import { UserRoleGrant } from './user-role-grant.entity';
import { UserSession } from './user-session.entity';
import { IdentityProvider } from '../providers/identity-provider.entity';
import { SignInAttempt } from '../providers/sign-in-attempt.entity';
import { UserIdentity } from '../providers/user-identity.entity';

export * from './user.entity';
export * from './user-role-grant.entity';
export * from './user-session.entity';

export * from '../providers/identity-provider.entity';
export * from '../providers/user-identity.entity';

export const IDENTITY_ENTITIES = [User, UserRoleGrant, UserSession, IdentityProvider, UserIdentity, SignInAttempt];
