import { User } from './user.entity';
import { UserRoleGrant } from './user-role-grant.entity';
import { UserSession } from './user-session.entity';

export * from './user.entity';
export * from './user-role-grant.entity';
export * from './user-session.entity';

export const IDENTITY_ENTITIES = [User, UserRoleGrant, UserSession];
