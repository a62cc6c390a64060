export * from './auth.service';
export * from './entities';
export * from './identity.module';
export * from './password';
export * from './session.service';
export * from './user.service';
export * from './dto/auth.dto';
export * from './dto/user.dto';
